"""The invented Danish text pieces the demo journal (:mod:`lgtrack.demo`) is composed from.

No real people, units or cases: every situation is generic, every name a role.
"""

from __future__ import annotations

from dataclasses import dataclass

PROMPTS = (
    "Hvad fyldte mest i din ledelse denne uge?",
    "Hvilken situation vil du gerne have håndteret anderledes?",
    "Hvor gjorde du en forskel for dit team i denne uge?",
    "Hvad lærte du om dig selv som leder?",
    "Hvad har du brug for at gøre mere af – og mindre af?",
    "Hvilken samtale fik betydning i denne uge?",
)

EVENTS = {
    "strategic": (
        "På teammødet oversatte vi kontorets nye strategi til tre konkrete ændringer i sagerne.",
        "Kontorchefen bad om input til næste års mål, og jeg samlede idéer fra teamet.",
        "Vi drøftede, hvordan en ny politisk prioritering ændrer rækkefølgen af vores opgaver.",
        "En medarbejder spurgte, hvorfor vi overhovedet laver den årlige analyse.",
        "Jeg præsenterede teamets bidrag til strategiarbejdet for ledelsen.",
        "Vi holdt en kort workshop om, hvad brugerne i sektoren egentlig har brug for fra os.",
    ),
    "operational": (
        "Tavlemødet trak ud, fordi sagerne ikke var prioriteret på forhånd.",
        "Tre sager landede samtidig, og jeg måtte omfordele opgaver midt i ugen.",
        "Vi afprøvede en fast rutine for, hvem der tager imod henvendelser fra sektoren.",
        "En frist skred, fordi ingen havde overblik over, hvem der ventede på hvem.",
        "Jeg satte holdet til en ny opgave og forklarede forventningerne til kvaliteten.",
        "Vi ryddede op i teamets opgaveliste og lukkede otte gamle sager.",
    ),
    "professional": (
        "Jeg kvalitetssikrede et notat, der skulle videre til departementet samme dag.",
        "I en 1:1-samtale gav jeg feedback på en analyse, der var for lang.",
        "To medarbejdere var uenige om metoden, og vi tog en faglig drøftelse i teamet.",
        "Opdraget fra kontorchefen var uklart, så jeg gik tilbage og spurgte ind til formålet.",
        "Vi afstemte, hvornår et svar til sektoren er godt nok til at blive sendt.",
        "Jeg fandt en fejl i tallene sent i processen og måtte stoppe udsendelsen.",
    ),
    "people": (
        "Jeg havde 1:1-samtaler med tre medarbejdere om deres opgaver og trivsel.",
        "En medarbejder var presset, og vi aftalte at tage en opgave af hendes bord.",
        "Der var en spænding i teamet om fordelingen af de populære opgaver.",
        "Vi fejrede, at teamet kom i mål med en stor leverance.",
        "En ny medarbejder startede, og jeg planlagde de første uger sammen med en makker.",
        "Jeg inddrog teamet i beslutningen om, hvordan vi fordeler sommerens vagter.",
    ),
    "self": (
        "Jeg satte tid af fredag eftermiddag til at tænke over ugens ledelse.",
        "Efter et svært møde bad jeg kontorchefen om sparring på min håndtering.",
        "På lederudviklingsforløbet arbejdede vi med situationsbestemt ledelse.",
        "Jeg bad teamet om feedback på, hvordan jeg leder vores møder.",
        "I ledernetværket delte en anden teamleder sin måde at prioritere på.",
        "Jeg opdagede, at jeg igen havde sagt ja til for mange ad hoc-opgaver.",
    ),
}

OBSERVATIONS = (
    "Jeg lagde mærke til, at jeg hurtigt overtog opgaven i stedet for at spørge ind.",
    "Det gik bedre end forventet, fordi jeg havde forberedt mig.",
    "Jeg blev utålmodig og talte mere, end jeg lyttede.",
    "Teamet tog selv ansvar, da rammerne var tydelige.",
    "Jeg var i tvivl undervejs, men det hjalp at sige det højt.",
    "Det kostede mere tid end planlagt, men stemningen bagefter var god.",
    "Jeg fik ikke fulgt op, og det mærkede jeg senere på ugen.",
    "Det var tydeligt, at mening betyder mere end tempo for teamet.",
)

LESSONS = (
    "Næste gang vil jeg starte med spørgsmålet om formål.",
    "Jeg tager med mig, at korte beskeder i tide sparer lange møder.",
    "Læring: tydelige forventninger fra start giver mere ro.",
    "Jeg vil være mere bevidst om, hvornår jeg skal træde til, og hvornår jeg skal give plads.",
    "Det bekræfter mig i, at faste rutiner frigiver tid til det vigtige.",
    "Jeg vil øve mig i at give feedback tættere på situationen.",
    "Jeg skal huske at fortælle kontorchefen om det, før det bliver et problem.",
)

PRIVATE_THOUGHTS = (
    "Personligt: jeg er mere træt, end jeg viser, og skal passe på mig selv.",
    "Personligt: jeg tvivler på, om jeg får nok opbakning opadtil.",
    "Personligt: konflikten fylder også derhjemme, og det vil jeg tale med min coach om.",
)

NEXT_STEPS = {
    "strategic": (
        "Fortælle teamet om ledelsens prioriteringer på mandagsmødet.",
        "Bede to medarbejdere om input til kvartalsplanen.",
        "Forberede tre pointer til kontorchefen om, hvad strategien betyder for os.",
    ),
    "operational": (
        "Lave en fast dagsorden til tavlemødet.",
        "Gennemgå fristerne for de næste fire uger med teamet.",
        "Aftale, hvem der har overblikket over sektorhenvendelser.",
    ),
    "professional": (
        "Sætte tid af til faglig sparring om metoden.",
        "Give skriftlig feedback på notatet inden torsdag.",
        "Spørge kontorchefen, hvad opdraget skal bruges til.",
    ),
    "people": (
        "Booke 1:1-samtaler med resten af teamet.",
        "Følge op på aftalen om arbejdsfordelingen om to uger.",
        "Sige tak til teamet for indsatsen – konkret.",
    ),
    "self": (
        "Skrive tre ting ned, jeg lærte, inden weekenden.",
        "Bede om feedback efter næste styregruppemøde.",
        "Sige nej til én ad hoc-opgave i næste uge.",
    ),
}

TAGS = {
    "strategic": ("strategi", "mening", "retning", "inddragelse"),
    "operational": ("tavlemøde", "prioritering", "rutiner", "frister"),
    "professional": ("kvalitet", "feedback", "opdrag", "sparring"),
    "people": ("1:1", "trivsel", "konflikt", "onboarding"),
    "self": ("refleksion", "sparring", "netværk", "grænser"),
}


@dataclass(frozen=True)
class GoalSpec:
    discipline: str
    title: str
    behaviours: tuple[str, ...]
    why: str
    success: str
    created_days_ago: int
    due_in_days: int  # negative: the due date has passed
    checkins: tuple[tuple[int, int, str], ...]  # (days ago, progress, note)
    outcome: str = "open"
    private: bool = False


GOALS = (
    GoalSpec(
        discipline="people",
        title="Faste 1:1-samtaler hver anden uge med alle i teamet",
        behaviours=("people.teamleder.2",),
        why="Jeg hører for sent om problemer i opgaverne.",
        success="Alle har haft mindst fem samtaler.",
        created_days_ago=680,
        due_in_days=-420,
        checkins=(
            (650, 20, "Kalenderen er booket."),
            (600, 45, "Halvdelen er i gang."),
            (540, 75, "Samtalerne bliver kortere og bedre."),
            (455, 100, "Fast rutine nu."),
        ),
        outcome="achieved",
    ),
    GoalSpec(
        discipline="operational",
        title="Indføre et kort ugentligt tavlemøde",
        behaviours=("operational.teamleder.1", "operational.teamleder.4"),
        why="Vi mister overblikket over frister.",
        success="Ingen overskredne frister i et kvartal.",
        created_days_ago=600,
        due_in_days=-400,
        checkins=(
            (570, 30, "Første møder holdt."),
            (520, 60, "Vi har fundet formen."),
            (470, 85, "Én frist skred, ellers fint."),
            (430, 100, "Kvartal uden skred."),
        ),
        outcome="achieved",
    ),
    GoalSpec(
        discipline="professional",
        title="Opbygge en fælles vidensbank for teamet",
        behaviours=("professional.g2",),
        why="Viden forsvinder, når folk går på ferie.",
        success="Alle nye sager har et opslag i vidensbanken.",
        created_days_ago=500,
        due_in_days=-300,
        checkins=(
            (470, 15, "Struktur på plads."),
            (420, 25, "Få bruger den."),
        ),
        outcome="dropped",
    ),
    GoalSpec(
        discipline="self",
        title="Bede kontorchefen om feedback efter hver større sag",
        behaviours=("self.teamleder.2",),
        why="Jeg gætter for meget på, hvad der forventes.",
        success="Feedback efter fem sager i træk.",
        created_days_ago=380,
        due_in_days=-200,
        checkins=(
            (350, 25, "Første gang var akavet."),
            (300, 50, "Nu en vane."),
            (240, 80, "Giver mig meget."),
            (185, 100, "Fem i træk."),
        ),
        outcome="achieved",
    ),
    GoalSpec(
        discipline="strategic",
        title="Inddrage medarbejderne i kvartalsplanlægningen",
        behaviours=("strategic.teamleder.4",),
        why="Planen skal give mening for dem, der skal løfte den.",
        success="Teamet har bidraget til to kvartalsplaner.",
        created_days_ago=210,
        due_in_days=75,
        checkins=(
            (180, 20, "Første workshop holdt."),
            (120, 40, "Gode idéer, svært at prioritere."),
            (60, 55, "Anden runde planlagt."),
        ),
    ),
    GoalSpec(
        discipline="operational",
        title="Uddelegere koordineringen af sektorhenvendelser",
        behaviours=("operational.teamleder.5",),
        why="Jeg er flaskehals for henvendelserne.",
        success="En medarbejder koordinerer, jeg er backup.",
        created_days_ago=270,
        due_in_days=-30,
        checkins=(
            (240, 15, "Talt med en mulig koordinator."),
            (150, 30, "Oplæring i gang."),
            (70, 35, "Står stille i travlheden."),
        ),
    ),
    GoalSpec(
        discipline="self",
        title="Afsætte 30 minutter hver fredag til refleksion",
        behaviours=("self.teamleder.1",),
        why="Ugerne flyder sammen, og jeg lærer for lidt af dem.",
        success="Refleksion otte fredage ud af ti.",
        created_days_ago=100,
        due_in_days=90,
        checkins=(
            (70, 40, "Fire fredage ud af seks."),
            (30, 60, "Det hjælper at sætte det i kalenderen."),
        ),
    ),
    GoalSpec(
        discipline="people",
        title="Tage den svære samtale om arbejdsfordelingen i teamet",
        behaviours=("people.teamleder.1",),
        why="Skævheden skaber irritation.",
        success="En ny fordeling, som alle kan se sig selv i.",
        created_days_ago=45,
        due_in_days=30,
        checkins=((20, 10, "Forberedt med coachen."),),
        private=True,
    ),
)


@dataclass(frozen=True)
class FeedbackSpec:
    days_ago: int
    role: str
    name: str
    discipline: str
    text: str
    private: bool = False


FEEDBACK = (
    FeedbackSpec(
        690,
        "manager",
        "Kontorchef",
        "operational",
        "Du har godt styr på sagerne, men teamet mangler et fælles overblik.",
    ),
    FeedbackSpec(
        640,
        "employee",
        "Medarbejder (anonym)",
        "people",
        "Rart at have faste samtaler. Det kan være svært at fange dig mellem møderne.",
    ),
    FeedbackSpec(
        600,
        "peer",
        "Teamleder-kollega",
        "professional",
        "Dine notater er grundige. Du kunne uddelegere mere af kvalitetssikringen.",
    ),
    FeedbackSpec(
        520,
        "manager",
        "Kontorchef",
        "people",
        "Teamet virker mere trygt end for et år siden. Hold fast i samtalerne.",
    ),
    FeedbackSpec(
        470,
        "coach",
        "Ekstern coach",
        "self",
        "Du er god til at reflektere, men hård ved dig selv. Hvad ville du sige til en kollega?",
    ),
    FeedbackSpec(
        430,
        "employee",
        "Medarbejder (anonym)",
        "strategic",
        "Du er god til at fremhæve vores arbejde opadtil. "
        "Fortæl gerne mere om, hvorfor vi prioriterer, som vi gør.",
    ),
    FeedbackSpec(
        380,
        "peer",
        "Teamleder-kollega",
        "operational",
        "Jeres tavlemøde har inspireret os. Du giver dine folk synlige opgaver.",
    ),
    FeedbackSpec(
        340,
        "manager",
        "Kontorchef",
        "strategic",
        "Gode bidrag til strategiarbejdet. Jeg vil gerne høre mere fra dine medarbejdere direkte.",
    ),
    FeedbackSpec(
        300,
        "employee",
        "Medarbejder (anonym)",
        "professional",
        "Feedbacken på mine opgaver er blevet bedre. "
        "Du er ofte optaget, når jeg har brug for en hurtig afklaring.",
    ),
    FeedbackSpec(
        250,
        "coach",
        "Ekstern coach",
        "people",
        "Du har et godt blik for den enkelte. Øv dig i at tage konflikten tidligere.",
    ),
    FeedbackSpec(
        200,
        "employee",
        "Medarbejder (anonym)",
        "people",
        "Der er god stemning i teamet. Jeg savner, at du er mere til stede i hverdagen.",
    ),
    FeedbackSpec(
        160,
        "manager",
        "Kontorchef",
        "professional",
        "Du leder fint opad og spørger ind til opdragene. Fortsæt med det.",
    ),
    FeedbackSpec(
        120,
        "peer",
        "Teamleder-kollega",
        "strategic",
        "Din måde at inddrage teamet i planlægningen vil jeg gerne kopiere.",
    ),
    FeedbackSpec(
        90,
        "employee",
        "Medarbejder (anonym)",
        "strategic",
        "Jeg forstår bedre, hvordan vores opgaver hænger sammen med kontorets mål.",
    ),
    FeedbackSpec(
        60,
        "coach",
        "Ekstern coach",
        "self",
        "Du bruger refleksionen aktivt nu. Næste skridt: del dine erfaringer i ledernetværket.",
    ),
    FeedbackSpec(
        40,
        "coach",
        "Ekstern coach",
        "people",
        "Samtalen om arbejdsfordelingen: forbered hvad du vil sige først, og lyt derefter.",
        private=True,
    ),
    FeedbackSpec(
        20,
        "manager",
        "Kontorchef",
        "self",
        "Du er vokset i rollen. Jeg vil gerne have dig med i næste lederudviklingsforløb.",
    ),
)
