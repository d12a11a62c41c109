"""Placeholder: filled in by its issue."""


def register(commands):
    pass
