#!/usr/bin/env python3
"""Synthetic bilingual corpus for the build benchmark, written for Trillium and for Hugo.

The same pages (same Markdown bodies, same titles, same URLs) are written in two layouts:

* Trillium: ``Content/site.yaml``, ``Content/en/**``, ``Content/fr/**`` (same relative paths in
  both languages, French URLs from ``slug``), ``Content/services/*.yaml`` and the repository's
  default theme copied to ``Themes/default``.
* Hugo: ``config.yaml`` with one ``contentDir`` per language, French folders and files named
  after their slugs, ``translationKey`` in front matter, and a small theme in ``layouts/`` of
  about the same weight as Trillium's (header, menu, language toggle, breadcrumbs, table of
  contents, cards, pagination, footer, a link render hook that resolves ``.md`` links).

Everything is derived from a seeded ``random.Random``, so a corpus is the same byte for byte on
every machine. Standard library only.

    python3 Benchmarks/corpus.py --pages 200 --out .bench/look
    python3 Benchmarks/corpus.py --pages 100 --services 60000 --out .bench/directory   # 211 Ontario's scale
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import unicodedata
from dataclasses import dataclass, field

LANGS = ("en", "fr")
PAGES_PER_SECTION = 100
UPDATES_FOLDER = "updates"
UPDATES_SLUG_FR = "nouvelles"
LAST_VERIFIED = "2026-11-30"
# The benchmark fixes "today" so services verified on LAST_VERIFIED raise no age warning.
TODAY = "2026-12-01"

# ---------------------------------------------------------------------------------------------
# Vocabulary. Plain sentences about community support, in both languages; combined at random.

SUBJECTS = {
    "en": ["Community workers", "Many families", "Local agencies", "Young people", "Survivors", "Teachers",
           "Health workers", "Police services", "Front-line staff", "Volunteers", "Parents", "Neighbours",
           "Youth workers", "Outreach teams", "Counsellors", "Shelter staff", "Employers", "Coaches"],
    "fr": ["Les intervenantes communautaires", "Beaucoup de familles", "Les organismes locaux", "Les jeunes",
           "Les personnes survivantes", "Les enseignantes et enseignants", "Les travailleurs de la santé",
           "Les services de police", "Les employés de première ligne", "Les bénévoles", "Les parents",
           "Les voisins", "Les travailleurs jeunesse", "Les équipes d'approche", "Les conseillères",
           "Les employés des refuges", "Les employeurs", "Les entraîneurs"],
}
VERBS = {
    "en": ["can help", "often notice", "may talk with", "try to protect", "learn to recognize", "work closely with",
           "share safety tips with", "offer support to", "listen to", "stay in touch with", "check in on",
           "plan safe steps with", "make time for", "speak up for"],
    "fr": ["peuvent aider", "remarquent souvent", "discutent parfois avec", "essaient de protéger",
           "apprennent à reconnaître", "travaillent avec", "donnent des conseils de sécurité à",
           "offrent du soutien à", "écoutent", "restent en contact avec", "prennent des nouvelles de",
           "préparent des étapes sûres avec", "prennent le temps d'aider", "défendent"],
}
OBJECTS = {
    "en": ["people at risk", "a friend who seems afraid", "young workers", "newcomers", "someone who lost their ID",
           "families in crisis", "a person with a new phone", "students", "people who owe a debt", "children in care",
           "a teenager who stopped coming to class", "workers who are paid very little", "a cousin who moved away"],
    "fr": ["les personnes à risque", "une amie qui semble avoir peur", "les jeunes travailleurs",
           "les personnes nouvellement arrivées", "quelqu'un qui a perdu ses pièces d'identité", "les familles en crise",
           "une personne qui a un nouveau téléphone", "les élèves", "les personnes endettées",
           "les enfants pris en charge", "une adolescente qui ne vient plus en classe",
           "les travailleurs très mal payés", "un cousin qui a déménagé loin"],
}
TAILS = {
    "en": ["in their community", "across Ontario", "at school", "after a crisis", "during the night",
           "in northern towns", "when it is safe", "with care and patience", "without judging", "at any hour",
           "in more than one language", "close to home", "before things get worse", "over many months"],
    "fr": ["dans leur communauté", "partout en Ontario", "à l'école", "après une crise", "pendant la nuit",
           "dans les villes du Nord", "quand c'est sécuritaire", "avec soin et patience", "sans porter de jugement",
           "à toute heure", "dans plus d'une langue", "près de chez eux", "avant que la situation s'aggrave",
           "pendant plusieurs mois"],
}
CONNECTORS = {
    "en": ["This matters because", "In many cases,", "Over time,", "Most of the time,", "Even so,", "For example,",
           "At first,", "Later on,", "In small towns,", "In big cities,"],
    "fr": ["C'est important parce que", "Dans bien des cas,", "Avec le temps,", "La plupart du temps,",
           "Malgré tout,", "Par exemple,", "Au début,", "Plus tard,", "Dans les petites villes,",
           "Dans les grandes villes,"],
}
HEADINGS = {
    "en": ["What to watch for", "How support works", "Where to find help", "Questions people ask", "Steps you can take",
           "Working with partners", "Staying safe", "Planning next steps", "Local programs", "Rights at work",
           "Talking with a young person", "After you call", "Money and documents", "Getting to a safe place",
           "Help in your language", "Court and legal help"],
    "fr": ["Ce qu'il faut surveiller", "Comment fonctionne le soutien", "Où trouver de l'aide",
           "Questions fréquentes", "Ce que vous pouvez faire", "Travailler avec les partenaires", "Rester en sécurité",
           "Planifier les prochaines étapes", "Programmes locaux", "Vos droits au travail", "Parler avec un jeune",
           "Après votre appel", "L'argent et les pièces d'identité", "Se rendre dans un endroit sûr",
           "De l'aide dans votre langue", "Le tribunal et l'aide juridique"],
}
ASPECTS = {
    "en": ["Safety planning", "Warning signs", "Support services", "Housing help", "Legal options", "Counselling",
           "Online safety", "Help at work", "School programs", "Health care", "Court support", "Peer support",
           "Emergency help", "Family support", "Training"],
    "fr": ["Plan de sécurité", "Signes avant-coureurs", "Services de soutien", "Aide au logement", "Options juridiques",
           "Counseling", "Sécurité en ligne", "Aide au travail", "Programmes scolaires", "Soins de santé",
           "Soutien au tribunal", "Soutien par les pairs", "Aide d'urgence", "Soutien aux familles", "Formation"],
}
AUDIENCES = {
    "en": ["young people", "newcomers", "parents", "migrant workers", "Indigenous communities", "teachers",
           "health workers", "survivors", "employers", "rural families", "French speakers", "students"],
    "fr": ["les jeunes", "les personnes nouvellement arrivées", "les parents", "les travailleurs migrants",
           "les communautés autochtones", "le personnel enseignant", "le personnel de la santé",
           "les personnes survivantes", "les employeurs", "les familles rurales", "les francophones", "les élèves"],
}
TOPICS = {
    "en": ["awareness", "prevention", "recovery", "outreach", "housing", "justice", "education", "wellness",
           "employment", "partnerships"],
    "fr": ["sensibilisation", "prévention", "rétablissement", "approche", "logement", "justice", "éducation",
           "mieux-être", "emploi", "partenariats"],
}
TABLE = {
    "en": (("Service", "Hours", "Phone"), ["Crisis line", "Drop-in centre", "Legal clinic", "Youth program",
                                           "Housing desk", "Counselling team"],
           ["24/7", "Mon–Fri, 9 a.m.–5 p.m.", "Evenings", "Weekends", "By appointment"]),
    "fr": (("Service", "Heures", "Téléphone"), ["Ligne de crise", "Centre d'accueil", "Clinique juridique",
                                                "Programme jeunesse", "Bureau du logement", "Équipe de counseling"],
           ["24 heures sur 24", "Lun.–ven., 9 h à 17 h", "En soirée", "La fin de semaine", "Sur rendez-vous"]),
}
WORDS = {
    "en": {"call": "You can call", "related": "Related pages", "quote": "One worker put it this way:",
           "question": "What happens next?", "also": "See also", "directory": "the service directory",
           "home": "the home page", "section": "the other pages of this section"},
    "fr": {"call": "Vous pouvez appeler le", "related": "Pages connexes",
           "quote": "Une intervenante l'explique ainsi :", "question": "Que se passe-t-il ensuite ?",
           "also": "Voir aussi", "directory": "le répertoire des services", "home": "la page d'accueil",
           "section": "les autres pages de cette section"},
}


def fold(text: str) -> str:
    """ASCII slug of `text`: accents dropped, lowercase, words joined by single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = "".join(ch if ch.isalnum() else " " for ch in ascii_text).split()
    return "-".join(words)


def fake_phone(rng: random.Random) -> tuple[str, str]:
    """A 555-01xx number (reserved for fiction) in display and tel: forms."""
    last = rng.randrange(100)
    return f"1-800-555-01{last:02d}", f"tel:+1800555{last + 100:04d}"


# ---------------------------------------------------------------------------------------------
# The site's structure, shared by both layouts.


@dataclass
class PageSpec:
    """One page in both languages. Folders and file names are Trillium's (English, shared by twins)."""
    index: int
    folder: str  # "" for the root, else a section folder
    name: str  # file name without .md; "_index" for a section's own page
    titles: dict
    descriptions: dict
    slugs: dict  # French slug (Trillium `slug`, Hugo file name); English uses `name`
    weight: int
    date: str | None = None
    links: list = field(default_factory=list)  # indices of pages this page links to

    @property
    def is_section(self) -> bool:
        return self.name == "_index"


@dataclass
class Corpus:
    pages: list
    sections: list  # folder names in order, updates first
    section_slugs: dict  # folder -> French slug
    services: list
    taxonomy: str | None = None  # the real taxonomy's text when the directory follows it (--services)

    def trillium_path(self, page: PageSpec) -> str:
        return f"{page.folder}/{page.name}.md" if page.folder else f"{page.name}.md"

    def hugo_path(self, page: PageSpec, lang: str) -> str:
        folder = page.folder if lang == "en" or not page.folder else self.section_slugs[page.folder]
        name = page.name if lang == "en" or page.is_section else page.slugs["fr"]
        return f"{folder}/{name}.md" if folder else f"{name}.md"

    def url(self, page: PageSpec, lang: str) -> str:
        parts = [lang]
        if page.folder:
            parts.append(page.folder if lang == "en" else self.section_slugs[page.folder])
        if not page.is_section:
            parts.append(page.name if lang == "en" else page.slugs["fr"])
        return "/" + "/".join(parts) + "/"


def plan_corpus(pages_per_language: int, seed: int, services: int | None = None) -> Corpus:
    """Decides every page, section and service; the text comes later, page by page. With
    `services`, the directory has that many services in the real directory's proportions."""
    rng = random.Random(f"plan-{seed}")
    total = max(pages_per_language, 8)
    section_count = max(2, round(total / PAGES_PER_SECTION))
    regular = total - 3 - section_count  # home, about, safety and the section pages
    sections = [UPDATES_FOLDER]
    section_slugs = {UPDATES_FOLDER: UPDATES_SLUG_FR}
    for number in range(1, section_count):
        topic = rng.randrange(len(TOPICS["en"]))
        folder = f"{TOPICS['en'][topic]}-{number:03d}"
        sections.append(folder)
        section_slugs[folder] = f"{fold(TOPICS['fr'][topic])}-{number:03d}"

    pages: list[PageSpec] = []

    def add(folder, name, titles, descriptions, slug_fr, weight, date=None):
        pages.append(PageSpec(len(pages), folder, name, titles, descriptions, {"fr": slug_fr}, weight, date))

    add("", "_index", {"en": "Benchmark home", "fr": "Accueil de l'essai"},
        {"en": "The home page of a synthetic site used to time builds.",
         "fr": "La page d'accueil d'un site synthétique qui sert à mesurer les générations."}, None, 0)
    add("", "about", {"en": "About this site", "fr": "À propos de ce site"},
        {"en": "Who writes this synthetic site and why.", "fr": "Qui rédige ce site synthétique et pourquoi."},
        "a-propos", 90)
    add("", "safety", {"en": "Stay safe online", "fr": "Naviguer en sécurité"},
        {"en": "How a visit can leave traces on a device.", "fr": "Comment une visite peut laisser des traces."},
        "naviguer-en-securite", 80)
    for number, folder in enumerate(sections):
        if folder == UPDATES_FOLDER:
            titles = {"en": "Updates", "fr": "Nouvelles"}
        else:
            topic = TOPICS["en"].index(folder.rsplit("-", 1)[0])
            titles = {"en": f"{TOPICS['en'][topic].capitalize()} ({number})",
                      "fr": f"{TOPICS['fr'][topic].capitalize()} ({number})"}
        add(folder, "_index", titles,
            {"en": f"Pages about {titles['en'].lower()}.", "fr": f"Des pages sur le thème {titles['fr'].lower()}."},
            section_slugs[folder], number * 10)
    for number in range(regular):
        folder = sections[number % len(sections)]
        aspect = rng.randrange(len(ASPECTS["en"]))
        audience = rng.randrange(len(AUDIENCES["en"]))
        titles = {"en": f"{ASPECTS['en'][aspect]} for {AUDIENCES['en'][audience]}",
                  "fr": f"{ASPECTS['fr'][aspect]} pour {AUDIENCES['fr'][audience]}"}
        descriptions = {"en": f"{titles['en']}: what it means and where to start.",
                        "fr": f"{titles['fr']} : ce que ça veut dire et par où commencer."}
        name = f"{fold(titles['en'])}-{number + 1}"
        slug_fr = f"{fold(titles['fr'])}-{number + 1}"
        date = None
        if folder == UPDATES_FOLDER:
            date = f"{2020 + number % 6}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        add(folder, name, titles, descriptions, slug_fr, 10 + number % 50, date)

    # Links: every regular page links to a few pages in its section and elsewhere.
    by_folder: dict[str, list[int]] = {}
    for page in pages:
        if not page.is_section:
            by_folder.setdefault(page.folder, []).append(page.index)
    section_pages = [page.index for page in pages if page.is_section]
    for page in pages:
        same = by_folder.get(page.folder, [])
        targets = [rng.choice(same) for _ in range(2)] if same else []
        targets.append(rng.randrange(len(pages)))
        targets.append(rng.choice(section_pages))
        page.links = [target for target in targets if target != page.index]

    if services is not None:
        taxonomy, profiles = read_real_directory()
        return Corpus(pages, sections, section_slugs, plan_directory(services, seed, profiles), taxonomy)
    return Corpus(pages, sections, section_slugs, plan_services(max(1, pages_per_language // 5), rng))


# ---------------------------------------------------------------------------------------------
# Markdown bodies. Links are placeholders until a layout formats them.

LINK = "\x00{}\x00"


class BodyWriter:
    def __init__(self, lang: str, rng: random.Random):
        self.lang = lang
        self.rng = rng
        self.words = WORDS[lang]

    def sentence(self) -> str:
        r, lang = self.rng, self.lang
        text = f"{r.choice(SUBJECTS[lang])} {r.choice(VERBS[lang])} {r.choice(OBJECTS[lang])} {r.choice(TAILS[lang])}"
        roll = r.random()
        if roll < 0.2:
            text = f"{r.choice(CONNECTORS[lang])} {text[0].lower()}{text[1:]}"
        elif roll < 0.3:
            text = f"**{text}**"
        elif roll < 0.38:
            joiner = " ; " if lang == "fr" else "; "
            text = f"{text}{joiner}{r.choice(SUBJECTS[lang]).lower()} {r.choice(VERBS[lang])} {r.choice(OBJECTS[lang])}"
        return self.elide(text) + "."

    def elide(self, text: str) -> str:
        """French contractions the random combinations would otherwise get wrong (à les → aux)."""
        if self.lang != "fr":
            return text
        for wrong, right in ((" à les ", " aux "), (" de les ", " des "), (" à le ", " au "), (" de le ", " du ")):
            text = text.replace(wrong, right)
        return text

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def phone_paragraph(self) -> str:
        display, tel = fake_phone(self.rng)
        return f"{self.words['call']} [{display}]({tel}) {self.rng.choice(TAILS[self.lang])}. {self.sentence()}"

    def quote_paragraph(self) -> str:
        inner = self.sentence().rstrip(".")
        if self.lang == "fr":
            return f"{self.words['quote']} « {inner}. » {self.words['question']} {self.sentence()}"
        return f"{self.words['quote']} \"{inner}.\" {self.words['question']} {self.sentence()}"

    def bullet_list(self, count: int, ordered: bool = False) -> str:
        lines = []
        for number in range(count):
            marker = f"{number + 1}." if ordered else "-"
            lines.append(f"{marker} {self.sentence()}")
        return "\n".join(lines)

    def table(self) -> str:
        header, services, hours = TABLE[self.lang]
        rows = [f"| {' | '.join(header)} |", "| --- | --- | --- |"]
        for _ in range(4):
            display, _tel = fake_phone(self.rng)
            rows.append(f"| {self.rng.choice(services)} | {self.rng.choice(hours)} | {display} |")
        return "\n".join(rows)

    def body(self, links: list[int], target_bytes: int) -> str:
        r = self.rng
        headings = r.sample(HEADINGS[self.lang], len(HEADINGS[self.lang]))
        blocks = [self.paragraph(3)]
        link_iter = iter(links)

        def next_link() -> str:
            target = next(link_iter, None)
            return "" if target is None else f" {self.words['also']} {LINK.format(target)}."

        plan = ["h2", "p", "ul", "h3", "phone", "h2", "table", "quote", "h2", "ol", "p"]
        step = 0
        while True:
            kind = plan[step] if step < len(plan) else r.choice(["p", "p", "ul", "h3", "phone", "h2", "quote"])
            step += 1
            if kind == "h2" and headings:
                blocks.append(f"## {headings.pop()}")
            elif kind == "h3" and headings:
                blocks.append(f"### {headings.pop()}")
            elif kind == "ul":
                blocks.append(self.bullet_list(r.randint(3, 5)))
            elif kind == "ol":
                blocks.append(self.bullet_list(r.randint(3, 4), ordered=True))
            elif kind == "phone":
                blocks.append(self.phone_paragraph())
            elif kind == "table":
                blocks.append(self.table())
            elif kind == "quote":
                blocks.append(self.quote_paragraph())
            else:
                blocks.append(self.paragraph(r.randint(2, 4)) + next_link())
            if step >= len(plan) and sum(len(b.encode()) + 2 for b in blocks) >= target_bytes:
                break
        related = [f"## {self.words['related']}", ""]
        related_items = [f"- {LINK.format(target)}" for target in links]
        related_items.append(f"- [{self.words['directory']}](/{self.lang}/services/)")
        blocks.append("\n".join(related + related_items))
        return "\n\n".join(blocks) + "\n"


def page_bodies(corpus: Corpus, page: PageSpec, seed: int) -> dict:
    """The Markdown body of `page` in each language, with link placeholders."""
    bodies = {}
    for lang in LANGS:
        rng = random.Random(f"body-{seed}-{lang}-{page.index}")
        target = rng.randint(2700, 3200)
        if page.is_section:
            target = 900  # a section page is mostly its list of children
        bodies[lang] = BodyWriter(lang, rng).body(page.links, target)
    return bodies


def relative_link(from_path: str, to_path: str) -> str:
    """`to_path` relative to the folder of `from_path` (both relative to the language folder)."""
    return os.path.relpath(to_path, os.path.dirname(from_path) or ".")


def format_links(corpus: Corpus, page: PageSpec, body: str, lang: str, layout: str) -> str:
    parts = body.split("\x00")
    for position in range(1, len(parts), 2):
        target = corpus.pages[int(parts[position])]
        if layout == "trillium":
            path = relative_link(corpus.trillium_path(page), corpus.trillium_path(target))
        else:
            path = relative_link(corpus.hugo_path(page, lang), corpus.hugo_path(target, lang))
        parts[position] = f"[{target.titles[lang]}]({path})"
    return "".join(parts)


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------------------------------
# Services (help directory).

CATEGORIES = [("crisis-line", "Crisis lines", "Lignes de crise"), ("trafficking-support", "Trafficking support", "Aide liée à la traite"),
              ("victim-services", "Victim services", "Services aux victimes"), ("shelter-housing", "Shelters", "Refuges"),
              ("sexual-violence", "Sexual assault support", "Soutien après une agression sexuelle"), ("legal", "Legal help", "Aide juridique"),
              ("health-counselling", "Health and counselling", "Santé et counseling"), ("youth", "Youth", "Jeunes"),
              ("indigenous", "Indigenous services", "Services autochtones"), ("francophone", "Services in French", "Services en français")]
REGIONS = [("ontario", "All of Ontario", "Partout en Ontario"), ("toronto", "Toronto", "Toronto"), ("central", "Central Ontario", "Centre de l'Ontario"),
           ("east", "Eastern Ontario", "Est de l'Ontario"), ("north", "Northern Ontario", "Nord de l'Ontario"), ("west", "Western Ontario", "Ouest de l'Ontario")]
SERVICE_AUDIENCES = [("everyone", "Everyone", "Tout le monde"), ("women", "Women", "Femmes"), ("men", "Men", "Hommes"), ("youth", "Youth", "Jeunes"),
                     ("families", "Family and friends", "Familles et proches"), ("migrant-workers", "Migrant workers", "Travailleurs migrants")]
SERVICE_LANGUAGES = [("en", "English", "Anglais"), ("fr", "French", "Français"), ("interpretation", "Many languages", "Nombreuses langues")]
TOWNS = ["Thunder Bay", "Sudbury", "Kingston", "London", "Windsor", "Barrie", "Timmins", "Cornwall", "Guelph", "Peterborough",
         "Sault Ste. Marie", "Hamilton", "Ottawa", "Oshawa", "Kenora", "Hearst"]
KINDS = [("Help line", "Ligne d'aide"), ("Outreach program", "Programme d'approche"), ("Drop-in centre", "Centre d'accueil"),
         ("Legal clinic", "Clinique juridique"), ("Safe house", "Maison d'hébergement"), ("Youth program", "Programme jeunesse")]


@dataclass
class ServiceSpec:
    id: str
    number: int
    town: str
    kind: tuple
    categories: list
    regions: list
    audiences: list
    languages: list
    phones: list
    open_24_7: bool
    cost: str
    confidential: bool
    # Set for a directory made with --services: the service's own name and its organization's, per language.
    names: dict | None = None
    organization: dict | None = None


def pick(rng: random.Random, terms: list, number: int, most: int) -> list:
    """1 to `most` term ids, always including the term that cycles with `number` (so every term is used)."""
    first = terms[number % len(terms)][0]
    others = rng.sample([t[0] for t in terms if t[0] != first], rng.randint(0, most - 1))
    return [first] + others


def plan_services(count: int, rng: random.Random) -> list:
    services = []
    for number in range(count):
        town = TOWNS[number % len(TOWNS)]
        kind = KINDS[(number // len(TOWNS)) % len(KINDS)]
        services.append(ServiceSpec(
            id=f"{fold(town)}-{fold(kind[0])}-{number + 1}", number=number, town=town, kind=kind,
            categories=pick(rng, CATEGORIES, number, 3), regions=pick(rng, REGIONS, number, 1),
            audiences=pick(rng, SERVICE_AUDIENCES, number, 2), languages=pick(rng, SERVICE_LANGUAGES, number, 2),
            phones=[fake_phone(rng) for _ in range(rng.randint(1, 2))], open_24_7=rng.random() < 0.4,
            cost=rng.choice(["free", "free", "low-cost", "varies"]), confidential=rng.random() < 0.5))
    return services


# A directory at any size, in the proportions of the real one (Content/services): each synthetic
# service copies the categories, regions, audiences, languages, hours (24/7 or not) and number of
# phones of a real service picked at random, so the shares of each term match the real
# directory's; names, organizations, towns and texts are made up. `--services N` uses it.

REAL_SERVICES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Content", "services")
ONTARIO_TOWNS = ["Ajax", "Barrie", "Belleville", "Brampton", "Brantford", "Brockville", "Burlington", "Cambridge",
                 "Chatham", "Cobourg", "Cochrane", "Collingwood", "Cornwall", "Dryden", "Elliot Lake", "Fort Frances",
                 "Guelph", "Haileybury", "Hamilton", "Hawkesbury", "Hearst", "Huntsville", "Kapuskasing", "Kenora",
                 "Kingston", "Kirkland Lake", "Kitchener", "Leamington", "London", "Markham", "Midland", "Milton",
                 "Mississauga", "Moosonee", "Napanee", "Niagara Falls", "North Bay", "Oakville", "Orangeville", "Orillia",
                 "Oshawa", "Ottawa", "Owen Sound", "Parry Sound", "Pembroke", "Peterborough", "Red Lake", "Renfrew",
                 "Richmond Hill", "Sarnia", "Sault Ste. Marie", "Simcoe", "Sioux Lookout", "St. Catharines",
                 "St. Thomas", "Stratford", "Sudbury", "Thunder Bay", "Timmins", "Toronto", "Vaughan", "Wawa",
                 "Welland", "Whitby", "Windsor", "Woodstock"]
ORGANIZATION_KINDS = [("{town} Women's Centre", "Centre des femmes de {town}"),
                      ("{town} Victim Services", "Services aux victimes de {town}"),
                      ("{town} Community Health Centre", "Centre de santé communautaire de {town}"),
                      ("{town} Youth Services", "Services à la jeunesse de {town}"),
                      ("{town} Legal Clinic", "Clinique juridique de {town}"),
                      ("{town} Sexual Assault Centre", "Centre d'aide contre les agressions sexuelles de {town}"),
                      ("{town} Family Services", "Services à la famille de {town}"),
                      ("{town} Friendship Centre", "Centre d'amitié de {town}"),
                      ("{town} Distress Centre", "Centre de détresse de {town}"),
                      ("Centre francophone de {town}", "Centre francophone de {town}")]
PROGRAMS = [("Crisis line", "Ligne de crise"), ("Counselling", "Counseling"), ("Safe housing", "Hébergement sécuritaire"),
            ("Court support", "Soutien au tribunal"), ("Outreach", "Programme d'approche"), ("Drop-in", "Centre d'accueil"),
            ("Youth program", "Programme jeunesse"), ("Legal advice", "Conseils juridiques"),
            ("Anti-trafficking program", "Programme contre la traite"), ("Peer support", "Soutien par les pairs"),
            ("Text line", "Ligne texto"), ("Walk-in clinic", "Clinique sans rendez-vous")]


def read_real_directory(folder: str = REAL_SERVICES) -> tuple[str, list]:
    """The real taxonomy (as text) and, per real service, the facts a synthetic one copies."""
    with open(os.path.join(folder, "taxonomy.yaml"), encoding="utf-8") as handle:
        taxonomy = handle.read()
    profiles = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml") or name == "taxonomy.yaml":
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            text = handle.read()
        profile = {"open_24_7": "open_24_7: true" in text, "phones": max(1, text.count("\n  - { number:") + text.count("\n  - number:"))}
        for key in ("categories", "regions", "audiences", "languages"):
            inline = re.search(rf"^{key}: \[(.*)\]", text, re.M)
            if inline:
                profile[key] = [v.strip() for v in inline.group(1).split(",") if v.strip()]
            else:
                block = re.search(rf"^{key}:\n((?:  - .*\n)+)", text, re.M)
                profile[key] = re.findall(r"  - (\S+)", block.group(1)) if block else []
        if all(profile[key] for key in ("categories", "regions", "audiences", "languages")):
            profiles.append(profile)
    return taxonomy, profiles


def plan_directory(count: int, seed: int, profiles: list) -> list:
    """`count` services in the proportions of `profiles`, grouped into organizations of 1 to 6."""
    rng = random.Random(f"directory-{seed}")
    services, number = [], 0
    while number < count:
        town = rng.choice(ONTARIO_TOWNS)
        kind = rng.choice(ORGANIZATION_KINDS)
        organization = {"id": f"org-{number + 1}", "en": kind[0].format(town=town), "fr": kind[1].format(town=town)}
        for program in rng.sample(PROGRAMS, min(count - number, rng.randint(1, 6))):
            profile = rng.choice(profiles)
            names = {"en": f"{organization['en']} – {program[0]}", "fr": f"{organization['fr']} – {program[1]}"}
            services.append(ServiceSpec(
                id=f"{fold(organization['en'])}-{fold(program[0])}-{number + 1}", number=number, town=town, kind=program,
                categories=list(profile["categories"]), regions=list(profile["regions"]), audiences=list(profile["audiences"]),
                languages=list(profile["languages"]), phones=[fake_phone(rng) for _ in range(profile["phones"])],
                open_24_7=profile["open_24_7"], cost=rng.choice(["free", "free", "low-cost", "varies"]),
                confidential=rng.random() < 0.6, names=names, organization=organization))
            number += 1
    return services


def service_texts(service: ServiceSpec, seed: int) -> dict:
    """Name, summary and Markdown description of a service in each language."""
    texts = {}
    for index, lang in enumerate(LANGS):
        rng = random.Random(f"service-{seed}-{lang}-{service.number}")
        writer = BodyWriter(lang, rng)
        name = service.names[lang] if service.names else f"{service.kind[index]} – {service.town} ({service.number + 1})"
        summary = writer.sentence()
        while len(summary) > 150:
            summary = writer.sentence()
        description = "\n\n".join([writer.paragraph(2), writer.bullet_list(3), writer.phone_paragraph()])
        texts[lang] = (name, summary, description)
    return texts


def taxonomy_yaml() -> str:
    lines = ["# Synthetic taxonomy for the benchmark (same structure as the real one).", ""]
    for facet, terms in [("categories", CATEGORIES), ("regions", REGIONS), ("audiences", SERVICE_AUDIENCES),
                         ("languages", SERVICE_LANGUAGES)]:
        lines.append(f"{facet}:")
        for term_id, en, fr in terms:
            lines += [f"  - id: {term_id}", "    label:", f"      en: {yaml_string(en)}", f"      fr: {yaml_string(fr)}"]
            if facet == "regions" and term_id == REGIONS[0][0]:
                lines.append("    everywhere: true")
        lines.append("")
    return "\n".join(lines)


def indent(text: str, spaces: int) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def trillium_service_yaml(service: ServiceSpec, texts: dict) -> str:
    lines = [f"id: {service.id}", "name:"]
    lines += [f"  {lang}: {yaml_string(texts[lang][0])}" for lang in LANGS]
    lines.append("summary:")
    lines += [f"  {lang}: {yaml_string(texts[lang][1])}" for lang in LANGS]
    lines.append("description:")
    for lang in LANGS:
        lines += [f"  {lang}: |", indent(texts[lang][2], 4)]
    organization = service.organization or {"id": f"org-{service.id}", "en": service.town + " Community Services",
                                            "fr": "Services communautaires de " + service.town}
    lines += ["organization:", f"  id: {organization['id']}", "  name:",
              f"    en: {yaml_string(organization['en'])}",
              f"    fr: {yaml_string(organization['fr'])}",
              "  description:", f"    en: {yaml_string('A community agency in ' + service.town + '.')}",
              f"    fr: {yaml_string('Un organisme communautaire de ' + service.town + '.')}",
              "phones:"]
    for display, _tel in service.phones:
        lines += [f"  - number: {display}", "    kind: voice", "    label:", "      en: Call", "      fr: Appeler"]
    lines.append(f"website: https://www.example.org/{service.id}/")
    lines.append("hours:")
    if service.open_24_7:
        lines.append("  open_24_7: true")
    else:
        lines += ["  open_24_7: false", "  weekly:",
                  '    - { days: [mon, tue, wed, thu, fri], opens: "09:00", closes: "17:00" }',
                  '    - { days: [sat], opens: "10:00", closes: "14:00" }']
    lines += [f"regions: [{', '.join(service.regions)}]", f"categories: [{', '.join(service.categories)}]",
              f"audiences: [{', '.join(service.audiences)}]", f"languages: [{', '.join(service.languages)}]",
              "indigenous_led: false", f"cost: {service.cost}", f"confidential: {str(service.confidential).lower()}",
              f"last_verified: {LAST_VERIFIED}", f"source: https://www.example.org/{service.id}/about/", ""]
    return "\n".join(lines)


def taxonomy_terms(text: str) -> tuple[dict, str | None]:
    """The term ids of each facet of a taxonomy.yaml text, and the region marked `everywhere`."""
    terms: dict = {}
    facet, everywhere, last = None, None, None
    for line in text.split("\n"):
        heading = re.match(r"^([a-z]+):\s*$", line)
        if heading:
            facet = heading.group(1)
            terms[facet] = []
            continue
        item = re.match(r"^  - id: (\S+)", line)
        if item and facet:
            last = item.group(1)
            terms[facet].append(last)
        elif facet == "regions" and re.match(r"^    everywhere: true", line):
            everywhere = last
    return terms, everywhere


def hugo_service_page(service: ServiceSpec, texts: dict, lang: str, taxonomy: tuple[dict, str | None]) -> str:
    """A service page for Hugo. Its taxonomies make the same lists Trillium publishes: a service of
    the everywhere region is listed under every region, and each region with each category is a term
    of its own (`regioncategories`), so Hugo renders as many list pages as Trillium."""
    name, summary, description = texts[lang]
    terms, everywhere = taxonomy
    listed = terms.get("regions", []) if everywhere and everywhere in service.regions else service.regions
    pairs = [f"{region}-{category}" for region in listed for category in service.categories]
    lines = ["---", f"title: {yaml_string(name)}", f"translationKey: service-{service.id}",
             f"summary: {yaml_string(summary)}",
             f"organization: {yaml_string(service.organization[lang] if service.organization else service.town)}", "phones:"]
    for display, tel in service.phones:
        lines += [f"  - number: {display}", f"    tel: \"{tel}\"", f"    label: {'Call' if lang == 'en' else 'Appeler'}"]
    lines += [f"website: https://www.example.org/{service.id}/", f"open_24_7: {str(service.open_24_7).lower()}",
              f"categories: [{', '.join(service.categories)}]", f"regions: [{', '.join(listed)}]",
              f"regioncategories: [{', '.join(pairs)}]",
              f"audiences: [{', '.join(service.audiences)}]", f"service_languages: [{', '.join(service.languages)}]",
              f"cost: {service.cost}", f"confidential: {str(service.confidential).lower()}",
              f"last_verified: {LAST_VERIFIED}", f"source: https://www.example.org/{service.id}/about/", "---", ""]
    return "\n".join(lines) + description + "\n"


# ---------------------------------------------------------------------------------------------
# Writing the two layouts.


def front_matter(page: PageSpec, lang: str, layout: str) -> str:
    lines = ["---", f"title: {yaml_string(page.titles[lang])}", f"description: {yaml_string(page.descriptions[lang])}"]
    if layout == "trillium" and lang == "fr" and page.slugs["fr"]:
        lines.append(f"slug: {page.slugs['fr']}")
    if layout == "hugo":
        lines.append(f"translationKey: page-{page.index}")
        if page.is_section and page.folder == UPDATES_FOLDER:
            lines += ["paginated: true", "outputs: [HTML, RSS]"]
    if page.date:
        lines.append(f"date: {page.date}")
    lines += [f"weight: {page.weight}", "lastmod: 2026-11-30", "---", ""]
    return "\n".join(lines)


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def site_yaml(corpus: Corpus) -> str:
    menu_sections = corpus.sections[1:5]
    lines = ["# Synthetic site for the build benchmark (same structure as the real Content/site.yaml).",
             "baseURL: https://www.example.org/", "theme: default", "quickExitURL: https://www.theweathernetwork.com/ca",
             "paginate: 10", "", "contact:", '  emergency: "911"', "  hotline: 1-833-900-1010", "  hotlineName:",
             "    en: Canadian Human Trafficking Hotline",
             "    fr: Ligne d'urgence canadienne contre la traite des personnes", "", "languages:"]
    for lang in LANGS:
        home = corpus.pages[0]
        lines += [f"  {lang}:", f"    title: {yaml_string(home.titles[lang])}",
                  f"    description: {yaml_string(home.descriptions[lang])}", "    menu:"]
        for folder in menu_sections:
            section = next(p for p in corpus.pages if p.folder == folder and p.is_section)
            lines.append(f"      - {{ title: {yaml_string(section.titles[lang])}, link: {folder}/_index.md }}")
        directory = "Find services" if lang == "en" else "Trouver des services"
        lines.append(f"      - {{ title: {yaml_string(directory)}, link: /{lang}/services/ }}")
        lines.append(f"      - {{ title: {yaml_string(corpus.pages[2].titles[lang])}, link: safety.md }}")
        lines += ["    footer:",
                  f"      - {{ title: {yaml_string(corpus.pages[1].titles[lang])}, link: about.md }}",
                  f"      - {{ title: {yaml_string(corpus.pages[2].titles[lang])}, link: safety.md }}",
                  f"      - {{ title: {yaml_string('Updates' if lang == 'en' else 'Nouvelles')}, link: {UPDATES_FOLDER}/_index.md }}"]
    return "\n".join(lines) + "\n"


def write_trillium(corpus: Corpus, bodies: list, seed: int, out: str, theme_source: str | None) -> None:
    write(os.path.join(out, "Content", "site.yaml"), site_yaml(corpus))
    for page, body in zip(corpus.pages, bodies):
        for lang in LANGS:
            text = front_matter(page, lang, "trillium") + "\n" + format_links(corpus, page, body[lang], lang, "trillium")
            write(os.path.join(out, "Content", lang, corpus.trillium_path(page)), text)
    services = os.path.join(out, "Content", "services")
    write(os.path.join(services, "taxonomy.yaml"), corpus.taxonomy or taxonomy_yaml())
    for service in corpus.services:
        write(os.path.join(services, service.id + ".yaml"), trillium_service_yaml(service, service_texts(service, seed)))
    if theme_source:
        shutil.copytree(theme_source, os.path.join(out, "Themes", "default"), dirs_exist_ok=True)


def write_hugo(corpus: Corpus, bodies: list, seed: int, out: str) -> None:
    write(os.path.join(out, "config.yaml"), hugo_config(corpus))
    for page, body in zip(corpus.pages, bodies):
        for lang in LANGS:
            text = front_matter(page, lang, "hugo") + "\n" + format_links(corpus, page, body[lang], lang, "hugo")
            write(os.path.join(out, "content", lang, corpus.hugo_path(page, lang)), text)
    for lang in LANGS:
        title = "Find services" if lang == "en" else "Trouver des services"
        write(os.path.join(out, "content", lang, "services", "_index.md"),
              f"---\ntitle: {yaml_string(title)}\ntranslationKey: services\n---\n")
    taxonomy = taxonomy_terms(corpus.taxonomy or taxonomy_yaml())
    for service in corpus.services:
        texts = service_texts(service, seed)
        for lang in LANGS:
            write(os.path.join(out, "content", lang, "services", service.id + ".md"), hugo_service_page(service, texts, lang, taxonomy))
    for relative, text in HUGO_FILES.items():
        write(os.path.join(out, relative), text)


def hugo_config(corpus: Corpus) -> str:
    menu_sections = corpus.sections[1:5]
    lines = ["baseURL: https://www.example.org/", "title: Benchmark", "defaultContentLanguage: en",
             "defaultContentLanguageInSubdir: true", "paginate: 10", "enableRobotsTXT: true", "disableHugoGeneratorInject: true",
             "taxonomies:", "  category: categories", "  region: regions", "  audience: audiences", "  regioncategory: regioncategories",
             "outputs:", "  home: [HTML]", "  section: [HTML]", "  page: [HTML]", "  taxonomy: [HTML]", "  term: [HTML]",
             "markup:", "  tableOfContents: { startLevel: 2, endLevel: 3, ordered: true }",
             "params:", "  quickExitURL: https://www.theweathernetwork.com/ca", "languages:"]
    for weight, lang in enumerate(LANGS, start=1):
        home = corpus.pages[0]
        lines += [f"  {lang}:", f"    languageCode: {'en-CA' if lang == 'en' else 'fr-CA'}",
                  f"    languageName: {'English' if lang == 'en' else 'Français'}", f"    weight: {weight}",
                  f"    contentDir: content/{lang}", f"    title: {yaml_string(home.titles[lang])}",
                  "    params:", f"      description: {yaml_string(home.descriptions[lang])}", "    menus:", "      main:"]
        for number, folder in enumerate(menu_sections):
            section = next(p for p in corpus.pages if p.folder == folder and p.is_section)
            path = folder if lang == "en" else corpus.section_slugs[folder]
            lines.append(f"        - {{ name: {yaml_string(section.titles[lang])}, pageRef: /{path}, weight: {number + 1} }}")
        directory = "Find services" if lang == "en" else "Trouver des services"
        safety = corpus.pages[2]
        lines.append(f"        - {{ name: {yaml_string(directory)}, pageRef: /services, weight: 20 }}")
        lines.append(f"        - {{ name: {yaml_string(safety.titles[lang])}, pageRef: /{corpus.hugo_path(safety, lang)[:-3]}, weight: 30 }}")
        about = corpus.pages[1]
        updates = "/" + (UPDATES_FOLDER if lang == "en" else UPDATES_SLUG_FR)
        lines += ["      footer:",
                  f"        - {{ name: {yaml_string(about.titles[lang])}, pageRef: /{corpus.hugo_path(about, lang)[:-3]}, weight: 1 }}",
                  f"        - {{ name: {yaml_string(safety.titles[lang])}, pageRef: /{corpus.hugo_path(safety, lang)[:-3]}, weight: 2 }}",
                  f"        - {{ name: {yaml_string('Updates' if lang == 'en' else 'Nouvelles')}, pageRef: {updates}, weight: 3 }}"]
    return "\n".join(lines) + "\n"


# A small Hugo theme of about the weight of Trillium's default theme. Kept in this file so the
# corpus is self-contained.
HUGO_FILES = {
    "i18n/en.yaml": """skipLink: Skip to main content
exitThisPage: Exit this page
menuLabel: Main menu
breadcrumbLabel: You are here
tocLabel: On this page
helpBannerDanger: In danger now? Call
helpBannerHotline: Human trafficking hotline, 24/7
inThisSection: In this section
allUpdates: All updates
published: Published
dateModified: Last updated
previous: Previous
next: Next
paginationLabel: Pages
contactLabel: Contact
aboutService: About this service
lastVerified: Facts last verified on
source: Source
footerHelpHeading: Get help now
footerNote: This site sets no cookies and does not track you.
notFound: Page not found
""",
    "i18n/fr.yaml": """skipLink: Passer au contenu principal
exitThisPage: Quitter cette page
menuLabel: Menu principal
breadcrumbLabel: Vous êtes ici
tocLabel: Sur cette page
helpBannerDanger: En danger maintenant ? Composez le
helpBannerHotline: Ligne d'urgence contre la traite, 24 heures sur 24
inThisSection: Dans cette section
allUpdates: Toutes les nouvelles
published: Publié le
dateModified: Dernière mise à jour
previous: Précédent
next: Suivant
paginationLabel: Pages
contactLabel: Joindre le service
aboutService: À propos de ce service
lastVerified: Renseignements vérifiés le
source: Source
footerHelpHeading: Obtenir de l'aide maintenant
footerNote: Ce site ne crée aucun témoin et ne vous suit pas.
notFound: Page introuvable
""",
    "layouts/_default/baseof.html": """<!doctype html>
<html lang="{{ .Site.LanguageCode }}" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Site.Params.description }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">
{{ end }}<link rel="stylesheet" href="/css/site.css">
<script src="/js/exit-this-page.js" defer></script>
</head>
<body>
{{ partial "exit-this-page.html" . }}
{{ partial "header.html" . }}
{{ partial "help-banner.html" . }}
{{ partial "breadcrumbs.html" . }}
<main id="main" class="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
{{ partial "footer.html" . }}
</body>
</html>
""",
    "layouts/partials/exit-this-page.html": """<a class="skip-link" href="#main">{{ T "skipLink" }}</a>
<div class="exit-this-page" data-module="exit-this-page">
<a class="exit-this-page__button" href="{{ site.Params.quickExitURL }}" rel="nofollow noreferrer" role="button">{{ T "exitThisPage" }}</a>
</div>
""",
    "layouts/partials/header.html": """<header class="site-header">
<div class="site-header__inner">
<a class="site-header__name" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
{{ range .Translations }}<a class="language-toggle" href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}
</div>
<nav class="site-nav" aria-label="{{ T "menuLabel" }}">
<ul class="site-nav__list">
{{ $current := . }}{{ range site.Menus.main }}<li><a href="{{ .URL }}"{{ if $current.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
{{ end }}</ul>
</nav>
</header>
""",
    "layouts/partials/help-banner.html": """<aside class="help-banner" aria-label="Help">
<p class="help-banner__text">{{ T "helpBannerDanger" }} <a class="help-banner__number" href="tel:911">911</a>. {{ T "helpBannerHotline" }} <a class="help-banner__number" href="tel:+18339001010">1-833-900-1010</a></p>
</aside>
""",
    "layouts/partials/breadcrumbs.html": """{{ if not .IsHome }}<nav class="breadcrumbs" aria-label="{{ T "breadcrumbLabel" }}">
<ol class="breadcrumbs__list">
{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}<li aria-current="page">{{ .Title }}</li>
</ol>
</nav>{{ end }}
""",
    "layouts/partials/footer.html": """<footer class="site-footer">
<div class="site-footer__inner">
<h2 class="site-footer__heading">{{ T "footerHelpHeading" }}</h2>
<ul class="site-footer__help">
<li><a href="tel:911">911</a></li>
<li><a href="tel:+18339001010">1-833-900-1010</a></li>
</ul>
<ul class="site-footer__links">
{{ range site.Menus.footer }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>
{{ end }}</ul>
<p class="site-footer__note">{{ T "footerNote" }}</p>
</div>
</footer>
""",
    "layouts/partials/card.html": """<li class="card">
<h3 class="card__title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
{{ if not .Date.IsZero }}<p class="card__date"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>{{ end }}
<p class="card__text">{{ .Description }}</p>
</li>
""",
    "layouts/partials/page-meta.html": """{{ if not .Lastmod.IsZero }}<p class="page-meta">{{ T "dateModified" }} <time datetime="{{ .Lastmod.Format "2006-01-02" }}">{{ .Lastmod | time.Format ":date_long" }}</time></p>{{ end }}
""",
    "layouts/_default/single.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if not .Date.IsZero }}<p class="page-date">{{ T "published" }} <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></p>{{ end }}
<nav class="toc" aria-labelledby="toc-title">
<h2 class="toc__title" id="toc-title">{{ T "tocLabel" }}</h2>
{{ .TableOfContents }}
</nav>
<div class="prose">
{{ .Content }}
</div>
{{ partial "page-meta.html" . }}
{{ end }}
""",
    "layouts/_default/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="prose">
{{ .Content }}
</div>
{{ if .Params.paginated }}
<section class="section-list">
<h2>{{ T "allUpdates" }}</h2>
<ul class="card-list">
{{ range .Paginator.Pages }}{{ partial "card.html" . }}{{ end }}
</ul>
</section>
{{ with .Paginator }}{{ if gt .TotalPages 1 }}<nav class="pagination" aria-label="{{ T "paginationLabel" }}">
<ul>
{{ if .HasPrev }}<li><a href="{{ .Prev.URL }}" rel="prev">{{ T "previous" }}</a></li>{{ end }}
{{ $current := .PageNumber }}{{ range .Pagers }}<li>{{ if eq .PageNumber $current }}<span aria-current="page">{{ .PageNumber }}</span>{{ else }}<a href="{{ .URL }}">{{ .PageNumber }}</a>{{ end }}</li>{{ end }}
{{ if .HasNext }}<li><a href="{{ .Next.URL }}" rel="next">{{ T "next" }}</a></li>{{ end }}
</ul>
</nav>{{ end }}{{ end }}
{{ else }}
<section class="section-list">
<h2>{{ T "inThisSection" }}</h2>
<ul class="card-list">
{{ range .Pages }}{{ partial "card.html" . }}{{ end }}
</ul>
</section>
{{ end }}
{{ partial "page-meta.html" . }}
{{ end }}
""",
    "layouts/index.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<div class="notice notice--warning"><p class="notice__text"><a href="tel:911">911</a> · <a href="tel:+18339001010">1-833-900-1010</a></p></div>
<div class="prose">
{{ .Content }}
</div>
<section class="section-list">
<ul class="card-list updates-list">
{{ range first 3 (where .Site.RegularPages "Section" "in" (slice "updates" "nouvelles")).ByDate.Reverse }}{{ partial "card.html" . }}{{ end }}
</ul>
</section>
<section class="section-list">
<ul class="card-list">
{{ range .Pages }}{{ partial "card.html" . }}{{ end }}
</ul>
</section>
{{ end }}
""",
    "layouts/services/single.html": """{{ define "main" }}
<article class="service-detail">
<h1>{{ .Title }}</h1>
<p class="lead">{{ .Summary }}</p>
<p class="service-card__meta">{{ range .GetTerms "categories" }}<a class="tag" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "regions" }}<a class="tag" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
<h2>{{ T "contactLabel" }}</h2>
<ul class="service-card__contacts">
{{ range .Params.phones }}<li><a href="{{ .tel | safeURL }}">{{ .label }} {{ .number }}</a></li>
{{ end }}{{ with .Params.website }}<li><a href="{{ . }}" rel="noreferrer">{{ . }}</a></li>{{ end }}
</ul>
<h2>{{ T "aboutService" }}</h2>
<div class="prose">
{{ .Content }}
</div>
<dl class="service-detail__facts">
<dt>Cost</dt><dd>{{ .Params.cost }}</dd>
<dt>24/7</dt><dd>{{ .Params.open_24_7 }}</dd>
<dt>Audiences</dt><dd>{{ delimit .Params.audiences ", " }}</dd>
<dt>Languages</dt><dd>{{ delimit .Params.service_languages ", " }}</dd>
</dl>
<p class="page-meta">{{ T "lastVerified" }} {{ .Params.last_verified }}. {{ T "source" }} <a href="{{ .Params.source }}" rel="noreferrer">{{ .Params.source }}</a></p>
</article>
{{ end }}
""",
    # The directory's lists as Trillium makes them: every service, each region, category, audience and
    # region with category, 25 cards a page with page links; a region's list links its categories.
    "layouts/partials/service-card.html": """<li class="service-card" data-service-id="{{ .File.ContentBaseName }}">
<h2 class="service-card__name"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p class="service-card__summary">{{ .Summary }}</p>
<ul class="service-card__contacts">
{{ range .Params.phones }}<li><a href="{{ .tel | safeURL }}">{{ .label }} {{ .number }}</a></li>
{{ end }}{{ with .Params.website }}<li><a href="{{ . }}" rel="noreferrer">Website</a></li>{{ end }}
</ul>
<p class="service-card__meta">{{ if .Params.open_24_7 }}<span class="tag">24/7</span> {{ end }}{{ if eq .Params.cost "free" }}<span class="tag">Free</span> {{ end }}{{ if .Params.confidential }}<span class="tag">Confidential</span> {{ end }}</p>
</li>
""",
    "layouts/partials/service-pages.html": """{{ $paginator := .Paginate .Pages 25 }}<p class="directory-count">{{ $paginator.TotalNumberOfElements }} services, page {{ $paginator.PageNumber }} of {{ $paginator.TotalPages }}</p>
<ul class="service-list">
{{ range $paginator.Pages }}{{ partial "service-card.html" . }}{{ end }}</ul>
{{ if gt $paginator.TotalPages 1 }}<nav class="pagination" aria-label="{{ T "paginationLabel" }}">
<ul>
{{ if $paginator.HasPrev }}<li><a href="{{ $paginator.Prev.URL }}" rel="prev">{{ T "previous" }}</a></li>{{ end }}
{{ $current := $paginator.PageNumber }}{{ $last := $paginator.TotalPages }}{{ $pagers := $paginator.Pagers }}{{ $from := cond (gt $current 3) (sub $current 2) 1 }}{{ $to := cond (lt (add $current 2) $last) (add $current 2) $last }}{{ if gt $from 1 }}<li><a href="{{ (index $pagers 0).URL }}">1</a></li>{{ if gt $from 2 }}<li><span>…</span></li>{{ end }}{{ end }}{{ range seq $from $to }}<li>{{ if eq . $current }}<span aria-current="page">{{ . }}</span>{{ else }}<a href="{{ (index $pagers (sub . 1)).URL }}">{{ . }}</a>{{ end }}</li>{{ end }}{{ if lt $to $last }}{{ if lt $to (sub $last 1) }}<li><span>…</span></li>{{ end }}<li><a href="{{ (index $pagers (sub $last 1)).URL }}">{{ $last }}</a></li>{{ end }}
{{ if $paginator.HasNext }}<li><a href="{{ $paginator.Next.URL }}" rel="next">{{ T "next" }}</a></li>{{ end }}
</ul>
</nav>{{ end }}
""",
    "layouts/services/list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<nav class="browse">
{{ range $taxonomy := slice "categories" "regions" "audiences" }}<ul class="browse__list">{{ range $name, $pages := index site.Taxonomies $taxonomy }}<li><a href="{{ (site.GetPage (printf "/%s/%s" $taxonomy $name)).RelPermalink }}">{{ $name }}</a> ({{ len $pages }})</li>{{ end }}</ul>
{{ end }}</nav>
{{ partial "service-pages.html" . }}
{{ end }}
""",
    "layouts/_default/terms.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="card-list">
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
    "layouts/_default/term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if eq .Data.Plural "regions" }}{{ $region := printf "%s-" .Data.Term }}<nav class="browse"><ul class="browse__list">{{ range $name, $pages := site.Taxonomies.regioncategories }}{{ if hasPrefix $name $region }}<li><a href="{{ (site.GetPage (printf "/regioncategories/%s" $name)).RelPermalink }}">{{ $name }}</a> ({{ len $pages }})</li>{{ end }}{{ end }}</ul></nav>{{ end }}
{{ partial "service-pages.html" . }}
{{ end }}
""",
    "layouts/404.html": """{{ define "main" }}
<h1>{{ T "notFound" }}</h1>
{{ end }}
""",
    # Resolves `page.md` links like Trillium does, and fails the build on a broken one.
    "layouts/_default/_markup/render-link.html": """{{- $url := urls.Parse .Destination -}}
{{- $href := .Destination -}}
{{- if and (not $url.Scheme) (strings.HasSuffix $url.Path ".md") -}}
{{- with $.Page.GetPage $url.Path -}}{{- $href = .RelPermalink -}}{{- else -}}{{- errorf "%s: broken link to %s" $.Page.File.Path $url.Path -}}{{- end -}}
{{- end -}}
<a href="{{ $href | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /**/ -}}
""",
    "static/css/site.css": "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0}.main{max-width:46rem;margin:auto;padding:1rem}\n",
    "static/js/exit-this-page.js": "/* placeholder: the benchmark does not run scripts */\n",
}


# ---------------------------------------------------------------------------------------------


def generate(pages_per_language: int, out: str, seed: int = 2020, theme_source: str | None = None,
             concatenated: str | None = None, services: int | None = None) -> Corpus:
    """Writes `out/trillium` and `out/hugo` (and optionally every Markdown body concatenated)."""
    corpus = plan_corpus(pages_per_language, seed, services)
    bodies = [page_bodies(corpus, page, seed) for page in corpus.pages]
    write_trillium(corpus, bodies, seed, os.path.join(out, "trillium"), theme_source)
    write_hugo(corpus, bodies, seed, os.path.join(out, "hugo"))
    if concatenated:
        with open(concatenated, "w", encoding="utf-8", newline="\n") as handle:
            for page, body in zip(corpus.pages, bodies):
                for lang in LANGS:
                    handle.write(format_links(corpus, page, body[lang], lang, "trillium"))
                    handle.write("\n")
            for service in corpus.services:
                texts = service_texts(service, seed)
                for lang in LANGS:
                    handle.write(texts[lang][2] + "\n\n")
    return corpus


def expected_urls(corpus: Corpus) -> list[str]:
    """URL paths both generators must write an index.html for: content pages and service pages."""
    urls = [corpus.url(page, lang) for page in corpus.pages for lang in LANGS]
    urls += [f"/{lang}/services/{service.id}/" for service in corpus.services for lang in LANGS]
    return urls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200, help="pages per language (default 200)")
    parser.add_argument("--seed", type=int, default=2020)
    parser.add_argument("--out", required=True, help="folder to write trillium/ and hugo/ into (must not exist)")
    parser.add_argument("--theme", help="Trillium theme folder to copy into the site (default: the repository's)")
    parser.add_argument("--services", type=int, help="this many services in the real directory's proportions and "
                                                     "taxonomy (default: pages/5 in a synthetic taxonomy)")
    args = parser.parse_args()
    if os.path.exists(args.out):
        parser.error(f"{args.out} already exists")
    theme = args.theme or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Themes", "default")
    corpus = generate(args.pages, args.out, args.seed, theme, os.path.join(args.out, "all.md"), args.services)
    print(f"{len(corpus.pages)} pages per language, {len(corpus.sections)} sections, {len(corpus.services)} services in {args.out}")


if __name__ == "__main__":
    main()
