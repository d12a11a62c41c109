"""JupyterHub for an lgtrack programme on one server: real system users, Voilà by default.

Each leader logs in with her own system account (PAM) and her notebook server runs as that
user, so the operating system - not lgtrack - keeps one leader out of another's journal:
the journal lives in the user's own home (``~/.local/share/lgtrack``, 0700, files 0600) and the
server runs with umask 077, so nothing it writes is readable by anyone else.

Settings come from the environment, so the same file serves ``try-local.sh`` and a real server:

LGTRACK_HUB_IP, LGTRACK_HUB_PORT   where the hub listens (127.0.0.1:8000)
LGTRACK_HUB_API_PORT, LGTRACK_PROXY_API_PORT   internal ports on loopback (8081, 8001)
LGTRACK_CHP                        the configurable-http-proxy command
LGTRACK_HUB_STATE                  the hub's own state: cookie secret, database (/srv/lgtrack/hub)
LGTRACK_NOTEBOOKS                  the notebooks, installed once for everyone (/opt/lgtrack/notebooks)
LGTRACK_INBOX                      the root of the cohort inboxes (/srv/lgtrack/inbox)
LGTRACK_HUB_GROUPS                 who may log in: system groups (lgtrack-leaders lgtrack-facilitators)
LGTRACK_IDLE_TIMEOUT               seconds before an idle server is stopped (3600)

Behind a public address, put TLS in front (The Littlest JupyterHub's Traefik, or nginx).
"""

import os
import sys
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

env = os.environ.get
state = Path(env("LGTRACK_HUB_STATE", "/srv/lgtrack/hub"))
notebooks = Path(env("LGTRACK_NOTEBOOKS", "/opt/lgtrack/notebooks"))
bin_dir = Path(sys.executable).parent  # lgtrack, JupyterLab and Voilà live beside the hub

c.JupyterHub.ip = env("LGTRACK_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(env("LGTRACK_HUB_PORT", "8000"))
# The hub's own API and the proxy's API stay on loopback, on ports of their own.
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(env("LGTRACK_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{env('LGTRACK_PROXY_API_PORT', '8001')}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.ConfigurableHTTPProxy.pid_file = str(state / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.command = [env("LGTRACK_CHP", "configurable-http-proxy")]

# Real system users, with their own passwords.
c.JupyterHub.authenticator_class = "pam"
c.LocalAuthenticator.allowed_groups = set(
    env("LGTRACK_HUB_GROUPS", "lgtrack-leaders lgtrack-facilitators").split()
)


class PrivateSpawner(LocalProcessSpawner):
    """Each user's server runs as that user with umask 077: what it writes is the owner's alone."""

    def make_preexec_fn(self, name):
        become_user = set_user_setuid(name)

        def preexec():
            os.umask(0o077)
            become_user()

        return preexec


def _private_journal_folder(spawner):
    """The journal folder exists before the first notebook opens, owned by the user, 0700."""
    import pwd

    user = pwd.getpwnam(spawner.user.name)
    folder = Path(user.pw_dir) / ".local" / "share" / "lgtrack"
    for part in (folder.parent.parent, folder.parent, folder):
        if not part.exists():
            part.mkdir(mode=0o700)
            os.chown(part, user.pw_uid, user.pw_gid)
    os.chmod(folder, 0o700)


c.JupyterHub.spawner_class = PrivateSpawner
c.Spawner.pre_spawn_hook = _private_journal_folder
c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = str(notebooks)
# The notebooks open as Voilà apps; JupyterLab is one click away at /user/NAME/lab.
c.Spawner.default_url = "/voila/render/00_start_here.ipynb"
c.Spawner.environment = {
    "LGTRACK_INBOX": env("LGTRACK_INBOX", "/srv/lgtrack/inbox"),
    "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
}

# Stop servers nobody has used for an hour: memory on a shared server is the scarce thing.
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={env('LGTRACK_IDLE_TIMEOUT', '3600')}",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
