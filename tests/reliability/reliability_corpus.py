"""Articles written for the reliability tests (invented reports about plausible events; no
text from any outlet), and a generator of many short, distinct reports."""
from __future__ import annotations

import random

# Each article: (title, dateline, body). Bodies are well over Settings.min_article_chars.
ARTICLES = {
    "quetta": (
        "Gunmen attack checkpoint near Quetta, four police officers killed",
        "QUETTA, March 4, 2024",
        "Four police officers were killed and two others wounded when gunmen opened fire on a "
        "checkpoint on the outskirts of Quetta late on Sunday, officials said.\n"
        "A senior police official told reporters that the attackers arrived on motorcycles and "
        "fled towards the hills after a gunfight that lasted about twenty minutes.\n"
        "No group immediately claimed responsibility for the attack. The provincial government "
        "ordered an inquiry and announced compensation for the families of the officers."),
    "turbat": (
        "Protesters block highway in Turbat over missing relatives",
        "TURBAT, February 12, 2024",
        "Hundreds of protesters blocked the main highway in Turbat on Monday, demanding "
        "information about relatives they say were detained by security agencies.\n"
        "Organisers said the sit-in would continue until the district administration met "
        "their demands. Traffic between the port city and the interior remained suspended for "
        "several hours.\n"
        "A local official said talks with the organisers were under way and urged calm."),
    "gwadar": (
        "Security forces repel attack on port complex in Gwadar",
        "GWADAR, March 20, 2024",
        "Security forces repelled an attack on a government complex at the port of Gwadar on "
        "Wednesday, killing eight assailants, the military's media wing said in a statement.\n"
        "Two soldiers were killed in the exchange of fire, the statement said. Residents "
        "reported several explosions and heavy gunfire for more than an hour.\n"
        "The separatist group that claimed the attack said in a message to journalists that "
        "its fighters had targeted the complex because of its role in the port's expansion."),
    "kech": (
        "Roadside bomb kills three soldiers in Kech district",
        "KECH, January 30, 2024",
        "Three soldiers were killed when a roadside bomb struck their vehicle during a patrol "
        "in Kech district on Tuesday, the military said.\n"
        "The blast damaged the vehicle beyond repair and left one more soldier seriously "
        "injured, according to a statement issued in the evening.\n"
        "Troops cordoned off the area and began a search operation to find those responsible."),
    "zhob": (
        "Two civilians wounded in mortar fire near Zhob",
        "ZHOB, April 2, 2024",
        "Two civilians, a shopkeeper and his son, were wounded when mortar shells landed in a "
        "market on the edge of Zhob on Tuesday morning, a hospital official said.\n"
        "Witnesses said at least three shells struck the area shortly after the market opened. "
        "The wounded were taken to the district hospital, where one was in a serious condition.\n"
        "Local elders called on the authorities to find those responsible and to improve "
        "security along the road that links the town to neighbouring districts."),
    "panjgur": (
        "Militants torch construction vehicles in Panjgur",
        "PANJGUR, May 8, 2024",
        "Militants set fire to six construction vehicles at a road project near Panjgur on "
        "Wednesday night, the contractor and local officials said.\n"
        "Workers at the site were held at gunpoint for about an hour before the attackers "
        "left; nobody was hurt, according to the deputy commissioner.\n"
        "The contractor said work on the road, which is meant to link several villages to the "
        "district headquarters, would be suspended until security was improved."),
}

FRENCH = (
    "Des tirs de mortier font deux blessés près de Zhob",
    "ZHOB, 2 avril 2024",
    "Deux civils, un commerçant et son fils, ont été blessés mardi matin lorsque des obus de "
    "mortier sont tombés sur un marché à la périphérie de Zhob, a indiqué un responsable de "
    "l'hôpital.\n"
    "Selon des témoins, au moins trois obus ont frappé le secteur peu après l'ouverture du "
    "marché. Les blessés ont été transportés à l'hôpital du district, où l'un d'eux se trouvait "
    "dans un état grave.\n"
    "Les notables de la ville ont demandé aux autorités de retrouver les responsables et de "
    "renforcer la sécurité sur la route qui relie la ville aux districts voisins.")


def as_text(name: str) -> str:
    title, dateline, body = ARTICLES[name]
    return f"{title}\n\n{dateline} - {body}\n"


def as_html(name: str) -> str:
    title, dateline, body = ARTICLES[name]
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n"))
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="2024-03-04T10:00:00Z"></head>'
            f"<body><article><h1>{title}</h1><p>{dateline}</p>\n{paras}</article></body></html>")


# ---------------------------------------------------------------- many distinct short reports

_PLACES = ["Quetta", "Turbat", "Gwadar", "Kech", "Zhob", "Panjgur", "Mastung", "Khuzdar",
           "Kalat", "Sibi", "Nushki", "Chagai", "Washuk", "Awaran", "Lasbela", "Kohlu",
           "Dera Bugti", "Loralai", "Pishin", "Killa Saifullah"]
_ACTORS = ["security forces", "police", "gunmen", "militants", "unidentified attackers",
           "a separatist group", "paramilitary troops", "local residents", "protesters",
           "tribal elders"]
_VERBS = ["attacked", "fired on", "ambushed", "raided", "clashed with", "detained",
          "surrounded", "searched", "confronted", "blocked"]
_TARGETS = ["a checkpoint", "a convoy", "a police station", "a market", "a mobile tower",
            "a road construction camp", "a border post", "a government office", "a bus",
            "a village"]
_EXTRA = ["Officials said an inquiry had been ordered.",
          "No group claimed responsibility.",
          "The road was closed for several hours.",
          "Witnesses described heavy gunfire.",
          "A hospital official confirmed the figures.",
          "Residents said the area had been tense for weeks.",
          "The provincial government condemned the incident.",
          "Schools in the area were closed the next day.",
          "A curfew was imposed in the evening.",
          "Reinforcements were sent from the district headquarters."]


def short_report(i: int) -> str:
    """A short, news-shaped report; different seeds give texts with little word overlap."""
    rnd = random.Random(i)
    place = rnd.choice(_PLACES)
    day = 1 + i % 28
    killed, wounded = rnd.randint(0, 9), rnd.randint(0, 12)
    lines = [f"Incident report {i}: {place}",
             "",
             f"{place.upper()}, March {day}, 2024 - {rnd.choice(_ACTORS).capitalize()} "
             f"{rnd.choice(_VERBS)} {rnd.choice(_TARGETS)} near {place} on day {i}, killing "
             f"{killed} people and wounding {wounded}, officials said (reference {i * 7919})."]
    lines += rnd.sample(_EXTRA, 4)
    lines.append(f"Case number {i}-{rnd.randint(1000, 9999)} was opened by the "
                 f"{rnd.choice(_PLACES)} district administration.")
    return "\n".join(lines) + "\n"
