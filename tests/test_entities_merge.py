"""Merging rules on hand-made mentions (no model involved): aliases, acronyms, shared surnames."""
from __future__ import annotations

import re

from newsparse.ner.mentions import RawMention, normal_form
from newsparse.ner.merge import canonical_name, merge, propagate, resolve_pronouns
from newsparse.ner.retyping import consistent_types, refine_type
from newsparse.ner.spans import split_country_prefix, strip_titles
from newsparse.ner.tokens import word_spans


def mentions(text: str, *names: tuple[str, str]) -> list[RawMention]:
    """Every occurrence of each (surface, type) in ``text``, longest names first, no overlaps."""
    out: list[RawMention] = []
    for surface, typ in sorted(names, key=lambda n: -len(n[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if not any(o.start < m.end() and m.start() < o.end for o in out):
                out.append(RawMention(m.start(), m.end(), surface, typ))
    return sorted(out, key=lambda m: m.start)


def by_name(groups) -> dict[str, tuple[str, int, set[str]]]:
    return {canonical_name(g): (g.type, len(g.mentions), set(g.forms)) for g in groups}


def test_surname_merges_into_the_only_full_name() -> None:
    text = "Maria Lindqvist spoke first. Later Lindqvist left."
    groups = merge(mentions(text, ("Maria Lindqvist", "PERSON"), ("Lindqvist", "PERSON")), text)
    assert by_name(groups) == {"Maria Lindqvist": ("PERSON", 2, {"Maria Lindqvist", "Lindqvist"})}


def test_two_people_sharing_a_surname_do_not_absorb_it() -> None:
    text = "Anna Brandt and Paul Brandt disagreed. Brandt said no."
    ms = [RawMention(0, 11, "Anna Brandt", "PERSON"), RawMention(16, 27, "Paul Brandt", "PERSON"),
          RawMention(39, 45, "Brandt", "PERSON")]
    result = by_name(merge(ms, text))
    assert result["Anna Brandt"][1] == 1 and result["Paul Brandt"][1] == 1
    assert result["Brandt"] == ("PERSON", 1, {"Brandt"})


def test_country_short_forms_merge() -> None:
    text = "The United States and the U.S. economy; America agreed."
    groups = merge(mentions(text, ("United States", "GPE"), ("U.S.", "GPE"), ("America", "GPE")), text)
    assert by_name(groups) == {"United States": ("GPE", 3, {"United States", "U.S.", "America"})}


def test_acronym_defined_in_text_merges() -> None:
    text = "the Nordic Institute for Water Studies (NIWS) said. NIWS later added"
    ms = [RawMention(4, 38, "Nordic Institute for Water Studies", "ORG"), RawMention(40, 44, "NIWS", "ORG"),
          RawMention(52, 56, "NIWS", "ORG")]
    (g,) = merge(ms, text)
    assert canonical_name(g) == "Nordic Institute for Water Studies" and len(g.mentions) == 3


def test_parenthesised_country_is_not_an_acronym() -> None:
    text = "Anna Brandt (Norway) won."
    ms = [RawMention(0, 11, "Anna Brandt", "PERSON"), RawMention(13, 19, "Norway", "GPE")]
    assert set(by_name(merge(ms, text))) == {"Anna Brandt", "Norway"}


def test_short_name_of_an_agency_merges() -> None:
    text = "Kestrel News Agency reported. Kestrel said"
    ms = [RawMention(0, 19, "Kestrel News Agency", "ORG"), RawMention(30, 37, "Kestrel", "ORG")]
    (g,) = merge(ms, text)
    assert set(g.forms) == {"Kestrel News Agency", "Kestrel"}


def test_doc_level_type_consistency_and_surname_inherits_person() -> None:
    ms = [RawMention(0, 10, "Tom Okafor", "PERSON"), RawMention(20, 26, "Okafor", "ORG"),
          RawMention(30, 35, "Vexa", "ORG"), RawMention(40, 45, "Vexa", "ORG"), RawMention(50, 55, "Vexa", "PERSON")]
    consistent_types(ms)
    assert [m.type for m in ms] == ["PERSON", "PERSON", "ORG", "ORG", "ORG"]


def test_a_first_name_and_a_surname_written_alone_as_a_person_is_a_person() -> None:
    ms = [RawMention(0, 12, "Vern Okafor", "ORG"), RawMention(30, 36, "Okafor", "PERSON"),
          RawMention(40, 56, "Vern Energy Ltd", "ORG")]
    consistent_types(ms)
    # a firm named after its founder keeps its type ("Energy", "Ltd": organisation words)
    assert [m.type for m in ms] == ["PERSON", "PERSON", "ORG"]


def test_propagation_finds_missed_occurrences_but_not_inside_names() -> None:
    text = "Vexa grew. Analysts like Vexa. The Vexa Research Centre agreed."
    ms = [RawMention(0, 4, "Vexa", "ORG"), RawMention(35, 55, "Vexa Research Centre", "ORG")]
    out = propagate(text, ms)
    assert [(m.text, m.start) for m in out] == [("Vexa", 0), ("Vexa", 25), ("Vexa Research Centre", 35)]


def test_country_prefix_of_an_office_is_a_gpe_mention() -> None:
    text = "U.S. Treasury officials and China Ocean Research Institute staff"
    toks = word_spans(text)
    ms = [RawMention(0, 13, "U.S. Treasury", "ORG"), RawMention(28, 58, "China Ocean Research Institute", "ORG")]
    out = split_country_prefix(ms, toks, text)
    assert [(m.text, m.type) for m in out] == [("U.S.", "GPE"), ("Treasury", "ORG"),
                                               ("China Ocean Research Institute", "ORG")]


def test_titles_are_not_part_of_names() -> None:
    text = "President Lena Fosse"
    m = strip_titles(RawMention(0, 20, text, "PERSON"), text)
    assert (m.text, m.start) == ("Lena Fosse", 10)


def test_an_office_before_a_name_goes_with_its_title() -> None:
    text = "Minister of Defense Lena Fosse"
    m = strip_titles(RawMention(0, len(text), text, "PERSON"), text)
    assert (m.text, m.start) == ("Lena Fosse", 20)


def test_lower_case_the_leaves_a_name_but_a_capitalised_the_stays() -> None:
    text = "the Vexamo Group and The Hague"
    assert strip_titles(RawMention(0, 16, text[:16], "ORG"), text).text == "Vexamo Group"
    assert strip_titles(RawMention(21, 30, text[21:], "GPE"), text).text == "The Hague"


def test_type_refinement() -> None:
    assert refine_type("Norway", "LOC") == "GPE"
    assert refine_type("Danube River", "LOC") == "LOC"
    assert refine_type("Norwegians", "MISC") == "NORP"
    assert refine_type("Nobel Prize", "MISC") == "MISC"
    assert normal_form("the  Vexa’s") == "Vexa's"


def test_pronouns_count_only_when_asked() -> None:
    text = "Maria Lindqvist arrived. She said she was tired."
    groups = merge([RawMention(0, 15, "Maria Lindqvist", "PERSON")], text)
    resolve_pronouns(text, groups, [])
    assert len(groups[0].mentions) == 3


def test_coordinated_rare_name_takes_the_type_of_its_partner() -> None:
    from newsparse.ner.merge import coordinated

    text = "apps such as Vexamo and Quillbit were banned, as were Vexamo and Paris"
    ms = [RawMention(13, 19, "Vexamo", "ORG"), RawMention(54, 60, "Vexamo", "ORG")]
    out = coordinated(text, ms)
    assert [(m.text, m.type) for m in out] == [("Vexamo", "ORG"), ("Quillbit", "ORG"), ("Vexamo", "ORG")]


def test_person_at_the_end_of_a_ragged_span_is_split_off() -> None:
    from newsparse.ner.spans import split_person_tail

    text = "Secretary of Commerce Wilbur Halvorsen spoke"
    toks = word_spans(text)
    out = split_person_tail([RawMention(13, 38, "Commerce Wilbur Halvorsen", "GPE")], toks, text)
    assert [(m.text, m.type) for m in out] == [("Wilbur Halvorsen", "PERSON")]


def test_surname_before_the_full_name_is_propagated() -> None:
    text = "As Lindqvist said, the plan failed. Maria Lindqvist agreed."
    ms = [RawMention(36, 51, "Maria Lindqvist", "PERSON")]
    out = propagate(text, ms)
    assert [(m.text, m.start) for m in out] == [("Lindqvist", 3), ("Maria Lindqvist", 36)]


def test_could_be_surname_rejects_regions_and_org_words() -> None:
    from newsparse.ner.mentions import could_be_surname

    assert not could_be_surname("Pacific")
    assert not could_be_surname("Holdings")
    assert could_be_surname("Okonkwo")


def test_an_office_title_before_a_place_makes_a_firm() -> None:
    from newsparse.ner.retyping import title_firms

    text = "Investors included Brask Capital and General Baltic, and Saint Helena Bay."
    gb = text.index("General Baltic")
    ms = [RawMention(gb, gb + 14, "General Baltic", "LOC"),
          RawMention(text.index("Saint"), len(text) - 1, "Saint Helena Bay", "LOC")]
    assert [(m.text, m.type) for m in title_firms(text, ms)] == [("General Baltic", "ORG"),
                                                                  ("Saint Helena Bay", "LOC")]
    b = text.index("Baltic")
    (m,) = title_firms(text, [RawMention(b, b + 6, "Baltic", "LOC")])
    assert (m.text, m.type) == ("General Baltic", "ORG")


def test_camel_case_single_names_are_firms_not_people() -> None:
    from newsparse.ner.retyping import camel_case_firms

    ms = [RawMention(0, 8, "CloudNox", "PERSON"), RawMention(10, 18, "MacBrien", "PERSON"),
          RawMention(20, 26, "DeLune", "PERSON"), RawMention(30, 39, "Ana PayLo", "PERSON"),
          RawMention(40, 45, "PayLo", "PERSON")]
    assert [m.type for m in camel_case_firms(ms)] == ["ORG", "PERSON", "PERSON", "PERSON", "PERSON"]


def test_names_joined_by_an_ampersand_are_one_firm() -> None:
    from newsparse.ner.retyping import ampersand_firms

    text = "The consulting firm Brask & Lund advised Jane Doe; Orvik & Sons declined."
    ms = [RawMention(20, 25, "Brask", "PERSON"), RawMention(41, 49, "Jane Doe", "PERSON"),
          RawMention(51, 56, "Orvik", "PERSON"), RawMention(59, 63, "Sons", "ORG")]
    assert [(m.text, m.type) for m in ampersand_firms(text, ms)] == [
        ("Brask & Lund", "ORG"), ("Jane Doe", "PERSON"), ("Orvik & Sons", "ORG")]


def test_spans_run_over_their_edges_are_cut() -> None:
    """An acronym in parentheses, a day after "on", an upper-case dateline place."""
    from newsparse.ner.mentions import RawMention
    from newsparse.ner.spans import clean_edges

    text = "OSLO, Norway — The Harbour Safety Board (HSB) met on Wednesday Acme Shipping and the Sunday Herald."
    def m(s: str, typ: str) -> RawMention:
        i = text.index(s)
        return RawMention(i, i + len(s), s, typ)
    out = clean_edges([m("OSLO", "ORG"), m("Harbour Safety Board (HSB", "ORG"), m("Wednesday Acme Shipping", "ORG"),
                       m("Sunday Herald", "ORG")], text)
    assert [(x.text, x.type) for x in out] == [("OSLO", "GPE"), ("Harbour Safety Board", "ORG"), ("HSB", "ORG"),
                                               ("Acme Shipping", "ORG"), ("Sunday Herald", "ORG")]
    assert all(text[x.start:x.end] == x.text for x in out)


def _apply(rule, text: str, surface: str, typ: str) -> list[str]:
    """The mentions a merge rule leaves of ``surface`` (its first occurrence in ``text``)."""
    s = text.index(surface)
    out = rule([RawMention(s, s + len(surface), surface, typ)], text)
    assert all(text[m.start:m.end] == m.text for m in out)
    return [m.text for m in out]


def _cut(text: str, surface: str, typ: str = "PERSON") -> list[str]:
    from newsparse.ner.spans import clean_symbols
    return _apply(clean_symbols, text, surface, typ)


def test_symbols_web_pages_put_next_to_names_are_cut_off() -> None:
    assert _cut("Stats: S | Marta Okonkwo | 42 | 57%", "S | Marta Okonkwo") == ["Marta Okonkwo"]
    assert _cut("STAFF Director_Oh Min Seo, Writer_Kim Jae Won.", "Director_Oh Min Seo") == ["Oh Min Seo"]
    assert _cut("Plans from Vexacom/Quillbit are here.", "Vexacom/Quillbit", "ORG") == ["Vexacom", "Quillbit"]
    assert _cut("The price is N/A here.", "N/A", "ORG") == []
    assert _cut("Try the Vexora® Honey today.", "Vexora® Honey", "ORG") == ["Vexora"]
    assert _cut("Best of Quillbit ★★★★★(167)", "Quillbit ★", "ORG") == ["Quillbit"]
    assert _cut("the Vexa \"SmartFilter tool", "Vexa \"SmartFilter", "ORG") == ["Vexa", "SmartFilter"]


def test_handles_and_hashtags_are_not_names_but_quoted_nicknames_stay() -> None:
    assert _cut("— Jane Holm (@JaneHolm_) said", "JaneHolm_") == []
    assert _cut("a tag #HealthyVexa today", "HealthyVexa", "ORG") == []
    assert _cut('the boxer Tomas "Iron" Brask won', 'Tomas "Iron" Brask') == ['Tomas "Iron" Brask']


def _edges(text: str, surface: str, typ: str = "ORG") -> list[str]:
    from newsparse.ner.spans import lowercase_edges
    return _apply(lowercase_edges, text, surface, typ)


def test_lower_case_words_leave_the_edges_of_a_capitalised_name() -> None:
    assert _edges("Then Jane Doe quickly left.", "Jane Doe quickly", "PERSON") == ["Jane Doe"]
    assert _edges("She bought Vexacom headphones.", "Vexacom headphones") == ["Vexacom"]
    assert _edges("a call from the federal Bureau of Vexa Affairs", "federal Bureau of Vexa Affairs") == [
        "Bureau of Vexa Affairs"]
    assert _edges("the Quillbit School of Design and elsewhere", "Quillbit School of Design and elsewhere") == [
        "Quillbit School of Design"]
    assert _edges("food with E. coli in it", "E. coli", "PERSON") == []


def test_name_particles_camel_case_and_lower_case_names_keep_their_words() -> None:
    assert _edges("a letter from de Vexaille today", "de Vexaille", "PERSON") == ["de Vexaille"]
    assert _edges("on eVexa Market now", "eVexa Market") == ["eVexa Market"]
    assert _edges("we ate at vexa pizza place", "vexa pizza") == ["vexa pizza"]
    assert _edges("a paper by Vexa et al today", "Vexa et al", "PERSON") == ["Vexa"]


def test_acronyms_spelt_out_in_lower_case_are_common_nouns() -> None:
    from newsparse.ner.spans import common_acronyms, drop_common_acronyms
    text = ("Vexacom uses machine learning (ML) for its key performance indicators (KPIs). "
            "The Harbour Safety Board (HSB) said ML and KPIs help. Paid time off (PTO) grows.")
    assert common_acronyms(text) == {"ML", "KPI", "PTO"}
    ms = mentions(text, ("Vexacom", "ORG"), ("ML", "ORG"), ("KPIs", "ORG"), ("HSB", "ORG"), ("PTO", "PERSON"))
    assert [m.text for m in drop_common_acronyms(text, ms)] == ["Vexacom", "HSB"]


def test_a_city_before_a_state_is_a_place_whatever_the_tagger_said() -> None:
    from newsparse.ner.retyping import city_state
    text = "Tour stops: Pepsi Hall, Denver, CO\nthen Irvine, California | 4.5\nLater Ms. Gilbert, who sang, left."
    ms = mentions(text, ("Pepsi Hall", "ORG"), ("Denver", "PERSON"), ("CO", "ORG"), ("Irvine", "PERSON"),
                  ("Gilbert", "PERSON"))
    got = [(m.text, m.type) for m in city_state(text, ms)]
    assert got == [("Pepsi Hall", "ORG"), ("Denver", "GPE"), ("CO", "GPE"), ("Irvine", "GPE"),
                   ("California", "GPE"), ("Gilbert", "PERSON")]


def test_runs_of_a_title_case_headline_are_not_names() -> None:
    from newsparse.ner.spans import headline_runs
    text = ("Why Vexacom Claims Victory In Competitive Ferry Market\n\n"
            "The band played \"Songs For Rainy Harbours\" and Vexacom Ferries In Norway cheered.")
    ms = mentions(text, ("Vexacom Claims Victory In Competitive Ferry Market", "MISC"),
                  ("Songs For Rainy Harbours", "MISC"), ("Vexacom Ferries", "ORG"))
    assert [m.text for m in headline_runs(text, ms)] == ["Songs For Rainy Harbours", "Vexacom Ferries"]


def test_an_unknown_place_listed_with_firms_is_a_firm_but_a_town_stays_a_place() -> None:
    from newsparse.ner.retyping import listed_with_firms
    text = ("Follow us on Vexacom, Quillbit and Zorblet. Zorblet also sells ads. "
            "The tour visits Quillbit Arena and Holmvik; fans in Holmvik cheered.")
    ms = mentions(text, ("Vexacom", "ORG"), ("Quillbit", "ORG"), ("Zorblet", "GPE"), ("Quillbit Arena", "ORG"),
                  ("Holmvik", "GPE"))
    got = {(m.text, m.type) for m in listed_with_firms(text, ms)}
    assert ("Zorblet", "ORG") in got and ("Zorblet", "GPE") not in got
    assert ("Holmvik", "GPE") in got and ("Holmvik", "ORG") not in got
    text2 = "Stops: Quillbit Hall, Norvik, VA and then Vexacom Center."
    ms2 = mentions(text2, ("Quillbit Hall", "ORG"), ("Norvik", "GPE"), ("Vexacom Center", "ORG"))
    assert ("Norvik", "GPE") in {(m.text, m.type) for m in listed_with_firms(text2, ms2)}


def test_generic_acronyms_are_no_names_without_a_definition() -> None:
    from newsparse.ner.spans import drop_common_acronyms
    text = "Plug the USB stick into the TV, then ask the CEO of Vexacom. The HSB approved two DVDs and a USB-C port."
    ms = mentions(text, ("USB", "ORG"), ("TV", "ORG"), ("CEO", "ORG"), ("Vexacom", "ORG"), ("HSB", "ORG"),
                  ("DVDs", "ORG"), ("USB-C", "ORG"))
    assert [m.text for m in drop_common_acronyms(text, ms)] == ["Vexacom", "HSB"]
    text = "Ponce, PR hired a PR firm."
    ms = [RawMention(7, 9, "PR", "GPE"), RawMention(19, 21, "PR", "ORG")]
    assert [(m.text, m.type) for m in drop_common_acronyms(text, ms)] == [("PR", "GPE")]


def _businesses(text: str, *names: tuple[str, str]) -> list[tuple[str, str]]:
    from newsparse.ner.spans import possessive_businesses
    return [(m.text, m.type) for m in possessive_businesses(text, mentions(text, *names))]


def test_a_possessive_that_owns_nothing_names_a_business() -> None:
    assert _businesses("We had lunch at Quillby's. It was fine.", ("Quillby", "PERSON")) == [("Quillby's", "ORG")]
    assert _businesses("Then Vexmoor’s is open late and cheap.", ("Vexmoor", "GPE")) == [("Vexmoor’s", "ORG")]
    assert _businesses("we went to quillby 's for pie", ("quillby", "PERSON")) == [("quillby 's", "ORG")]
    assert _businesses("Try Quillby's Market on Elm Road.", ("Quillby", "PERSON")) == [("Quillby's Market", "ORG")]
    assert _businesses("Try Vexa Grill and Quillby's Pizza.", ("Vexa Grill", "ORG"), ("Quillby", "GPE")) == [
        ("Vexa Grill", "ORG"), ("Quillby's Pizza", "ORG")]
    # something like a chain's outlet: "like" introduces an example, not a comparison
    assert _businesses("a burger somewhere like Quillby's.", ("Quillby", "PERSON")) == [("Quillby's", "ORG")]


def test_a_possessive_that_owns_a_noun_stays_a_possessive() -> None:
    assert _businesses("Quillby's plan failed.", ("Quillby", "PERSON")) == [("Quillby", "PERSON")]
    assert _businesses("Vexacom's new phone sold out.", ("Vexacom", "ORG")) == [("Vexacom", "ORG")]
    # a comparison or a list owns the noun said before or after it
    assert _businesses("Her plan is bolder than Quillby's.", ("Quillby", "PERSON")) == [("Quillby", "PERSON")]
    assert _businesses("Quillby's and Dorne's roles differ.", ("Quillby", "PERSON"), ("Dorne", "PERSON")) == [
        ("Quillby", "PERSON"), ("Dorne", "PERSON")]
    # a full personal name and an acronym keep their possessive out
    assert _businesses("The decision was Jane Quillby's.", ("Jane Quillby", "PERSON")) == [("Jane Quillby", "PERSON")]
    assert _businesses("It reflects the HSB's.", ("HSB", "ORG")) == [("HSB", "ORG")]
    assert _businesses("A hit with Gen X's.", ("Gen X", "ORG")) == [("Gen X", "ORG")]
    # a double genitive, or a condition named after a person
    assert _businesses("a colleague of Quillby's at the lab", ("Quillby", "PERSON")) == [("Quillby", "PERSON")]
    assert _businesses("the power of Quillby's, even now", ("Quillby", "PERSON")) == [("Quillby", "PERSON")]


def test_s_before_a_preposition_is_a_contraction_unless_a_place_preposition_leads() -> None:
    assert _businesses("Quillby's been told to wait.", ("Quillby", "PERSON")) == [("Quillby", "PERSON")]
    assert _businesses("Vexacom's in talks with Dorne.", ("Vexacom", "ORG")) == [("Vexacom", "ORG")]
    assert _businesses("Quillby's has the best pie.", ("Quillby", "PERSON")) == [("Quillby's", "ORG")]
    assert _businesses("Quillby's in Rome today.", ("Quillby", "PERSON")) == [("Quillby", "PERSON")]
    assert _businesses("We met at Quillby's on Sunday.", ("Quillby", "PERSON")) == [("Quillby's", "ORG")]


def test_a_file_name_is_no_name() -> None:
    from newsparse.ner.spans import clean_symbols
    text = "Tom Vexley sent Q3Outlook.pdf and Budget.XLSX to Ana Dorne."
    ms = mentions(text, ("Tom Vexley", "PERSON"), ("Q3Outlook.pdf", "PERSON"), ("Budget", "PERSON"),
                  ("Ana Dorne", "PERSON"))
    assert [m.text for m in clean_symbols(ms, text)] == ["Tom Vexley", "Ana Dorne"]


def test_a_state_code_before_a_zip_code_is_a_state_and_the_name_before_it_a_city() -> None:
    from newsparse.ner.spans import postal_addresses
    text = "Write to Vexa Inc., 12 Quarry Road Dornfield, NH 03101-2841 or call Ana Roe."
    ms = mentions(text, ("Vexa Inc.", "ORG"), ("Quarry Road Dornfield", "ORG"), ("NH", "ORG"), ("Ana Roe", "PERSON"))
    got = [(m.text, m.type) for m in postal_addresses(text, ms)]
    assert got == [("Vexa Inc.", "ORG"), ("Quarry Road", "ORG"), ("Dornfield", "GPE"), ("NH", "GPE"),
                   ("Ana Roe", "PERSON")]
    text = "Lab 4, Elm Hall, Westbury CA 94305 USA"
    got = [(m.text, m.type) for m in postal_addresses(text, mentions(text, ("Elm Hall", "LOC")))]
    assert got == [("Elm Hall", "LOC"), ("Westbury", "GPE"), ("CA", "GPE")]
    # no ZIP code, or a code that is no state: no address
    text = "Dornfield, NH said it will. Vexa AB 12345 shipped."
    assert postal_addresses(text, []) == []


def test_a_lone_roman_numeral_is_no_name() -> None:
    from newsparse.ner.spans import clean_symbols
    text = "Parts III and VI of the Vexa Treaty bind Henry VIII, said Ana Dorne of MI."
    ms = mentions(text, ("III", "LOC"), ("VI", "PERSON"), ("Vexa Treaty", "MISC"), ("Henry VIII", "PERSON"),
                  ("Ana Dorne", "PERSON"), ("MI", "GPE"))
    assert [m.text for m in clean_symbols(ms, text)] == ["Vexa Treaty", "Henry VIII", "Ana Dorne", "MI"]


def test_a_contact_label_after_a_name_in_a_signature_is_cut() -> None:
    from newsparse.ner.spans import cut_contact_labels
    text = ("Ana Dorne\nVexa Risk Advisory Phone: (212) 555-0100\nQuillby Labs Email ana@example.org\nVexa Phone X\n"
            "State of Fax: 2")
    ms = mentions(text, ("Ana Dorne", "PERSON"), ("Vexa Risk Advisory Phone", "ORG"), ("Quillby Labs Email", "ORG"),
                  ("Vexa Phone X", "MISC"), ("State of Fax", "ORG"))
    assert [m.text for m in cut_contact_labels(ms, text)] == ["Ana Dorne", "Vexa Risk Advisory", "Quillby Labs",
                                                              "Vexa Phone X", "State of Fax"]


def test_a_city_and_its_state_or_country_without_a_comma_are_two_places() -> None:
    from newsparse.ner.spans import split_place_pairs
    text = "From Timaru New Zealand to Ohio USA, then boston ma and Dallas TX."
    ms = mentions(text, ("Timaru New Zealand", "GPE"), ("Ohio USA", "GPE"), ("boston ma", "GPE"),
                  ("Dallas TX", "GPE"))
    assert [m.text for m in split_place_pairs(ms)] == ["Timaru", "New Zealand", "Ohio", "USA", "boston",
                                                       "ma", "Dallas", "TX"]


def test_one_place_name_made_of_place_words_stays_one() -> None:
    from newsparse.ner.spans import split_place_pairs
    text = "Papua New Guinea, Mexico City, South Germany, Galveston Bay, the East Coast and Dallas Ma stay."
    names = ("Papua New Guinea", "Mexico City", "South Germany", "Galveston Bay", "East Coast", "Dallas Ma")
    ms = mentions(text, *((n, "GPE") for n in names))
    assert [m.text for m in split_place_pairs(ms)] == list(names)


def test_a_contraction_is_no_part_of_a_name() -> None:
    from newsparse.ner.spans import clean_edges
    text = "I've seen it. I'm Dana Vexley and I’d say Don't Panic Labs is fine."
    ms = mentions(text, ("I've", "PERSON"), ("I'm Dana Vexley", "PERSON"), ("I’d", "ORG"), ("Don't Panic Labs", "ORG"))
    assert [m.text for m in clean_edges(ms, text)] == ["Dana Vexley", "Panic Labs"]


def test_lower_case_common_words_are_no_names_in_text_written_with_capitals() -> None:
    from newsparse.ner.spans import drop_lowercase_common
    text = "Watch it on a tablet or single channel, said vexamart staff in paris to louise."
    ms = mentions(text, ("tablet", "MISC"), ("single channel", "ORG"), ("vexamart", "ORG"), ("paris", "GPE"),
                  ("louise", "PERSON"))
    assert [m.text for m in drop_lowercase_common(ms)] == ["vexamart", "paris", "louise"]


def test_a_region_name_listed_with_firms_or_shopped_at_is_a_firm() -> None:
    from newsparse.ner.retyping import listed_with_firms
    text = "Vexacom, Quillbit and Amazon hire. Buy it on Amazon."
    ms = mentions(text, ("Vexacom", "ORG"), ("Quillbit", "ORG"), ("Amazon", "LOC"))
    assert [(m.text, m.type) for m in listed_with_firms(text, ms)][-1] == ("Amazon", "ORG")
    text = "Deals start at $70 at Amazon today."
    assert [m.type for m in listed_with_firms(text, mentions(text, ("Amazon", "LOC")))] == ["ORG"]


def test_a_region_the_article_writes_as_a_region_stays_a_place() -> None:
    from newsparse.ner.retyping import listed_with_firms
    text = "Vexacom and Amazon hire. Fires burn in the Amazon."
    ms = mentions(text, ("Vexacom", "ORG"), ("Amazon", "LOC"))
    assert [m.type for m in listed_with_firms(text, ms)] == ["ORG", "LOC", "LOC"]
    text = "Vexacom and Amazon hire near the Amazon River."
    ms = mentions(text, ("Vexacom", "ORG"), ("Amazon", "LOC"))
    assert [m.type for m in listed_with_firms(text, ms)] == ["ORG", "LOC", "LOC"]


def test_towns_listed_with_places_are_places() -> None:
    from newsparse.ner.retyping import listed_with_places
    text = ("Rallies in Denver, Boulder, Dornby, Vexton and Fort Collins drew crowds. Dornby police said so. "
            "Ann Vexton agreed.")
    ms = mentions(text, ("Denver", "GPE"), ("Boulder", "GPE"), ("Dornby", "PERSON"), ("Vexton", "PERSON"),
                  ("Fort Collins", "ORG"), ("Ann Vexton", "PERSON"))
    got = [(m.text, m.type) for m in listed_with_places(text, ms)]
    # Vexton is part of a person's full name here: left to the person rule
    assert got == [("Denver", "GPE"), ("Boulder", "GPE"), ("Dornby", "GPE"), ("Vexton", "PERSON"),
                   ("Fort Collins", "GPE"), ("Dornby", "GPE"), ("Ann Vexton", "PERSON")]
    # one place is not a list of places
    text = "Talks in Denver and Dornby ended."
    ms = mentions(text, ("Denver", "GPE"), ("Dornby", "PERSON"))
    assert [m.type for m in listed_with_places(text, ms)] == ["GPE", "PERSON"]


def test_teams_named_by_cities_stay_organisations_without_a_place_preposition() -> None:
    from newsparse.ner.retyping import listed_with_places
    text = "Leeds, Surrey and Essex won; Denver, Austin and Tulsa voted."
    ms = mentions(text, ("Leeds", "ORG"), ("Surrey", "ORG"), ("Essex", "GPE"), ("Denver", "GPE"), ("Austin", "PERSON"),
                  ("Tulsa", "GPE"))
    got = [(m.text, m.type) for m in listed_with_places(text, ms)]
    assert got == [("Leeds", "ORG"), ("Surrey", "ORG"), ("Essex", "GPE"), ("Denver", "GPE"), ("Austin", "GPE"),
                   ("Tulsa", "GPE")]


def test_a_numbered_bill_is_a_law_not_a_person() -> None:
    from newsparse.ner.spans import numbered_bills
    text = "MPs passed Bill C-17 and Bill 96, said Bill Vexley. Bill agreed."
    ms = mentions(text, ("Bill", "PERSON"), ("Bill Vexley", "PERSON"))
    assert [(m.text, m.type) for m in numbered_bills(text, ms)] == [
        ("Bill C-17", "MISC"), ("Bill 96", "MISC"), ("Bill Vexley", "PERSON"), ("Bill", "PERSON")]


def test_a_name_written_in_capitals_merges_into_the_name_written_normally() -> None:
    text = "DANA VEXLEY\nDana Vexley won. Vexley thanked CANADIANS and Canadians. NASA and Nasa."
    ms = mentions(text, ("DANA VEXLEY", "PERSON"), ("Dana Vexley", "PERSON"), ("Vexley", "PERSON"),
                  ("CANADIANS", "NORP"), ("Canadians", "NORP"), ("NASA", "ORG"), ("Nasa", "ORG"))
    got = by_name(merge(ms, text))
    assert got["Dana Vexley"] == ("PERSON", 3, {"DANA VEXLEY", "Dana Vexley", "Vexley"})
    assert got["Canadians"] == ("NORP", 2, {"CANADIANS", "Canadians"})
    assert got["Nasa"][1] == 2


def test_a_name_ending_in_a_legal_form_is_a_company() -> None:
    from newsparse.ner.retyping import legal_forms
    text = "Parts come from Dana Vexley GmbH and Quillby Ltd. in Vexton AG; Ana Co said so."
    ms = mentions(text, ("Dana Vexley GmbH", "PERSON"), ("Quillby Ltd.", "GPE"), ("Vexton AG", "ORG"), ("Ana Co", "PERSON"))
    assert [m.type for m in legal_forms(ms)] == ["ORG", "ORG", "ORG", "ORG"]
    text = "See Vexley L, Quillby BV (2019)."
    assert [m.type for m in legal_forms(mentions(text, ("Vexley L, Quillby BV", "PERSON")))] == ["PERSON"]


def test_a_city_before_a_news_abbreviation_of_its_state_is_a_place() -> None:
    from newsparse.ner.retyping import city_state
    text = "At a Barrie, Ont., school. OCALA, Fla. (AP) — Rain."
    ms = mentions(text, ("Barrie", "ORG"), ("OCALA", "PERSON"))
    assert [(m.text, m.type) for m in city_state(text, ms)] == [("Barrie", "GPE"), ("Ont.", "GPE"), ("OCALA", "GPE"),
                                                                ("Fla.", "GPE")]


def test_a_name_treated_as_a_man_twice_is_a_person() -> None:
    from newsparse.ner.retyping import gendered_names
    text = ("Rook Vexley starts on Friday. It is where Vexley won his third title. Vexley has played well here. "
            "He likes it. Rook is ready. Vexacom won its case. Vexacom has appealed. It said so.")
    ms = mentions(text, ("Rook Vexley", "ORG"), ("Vexley", "ORG"), ("Rook", "ORG"), ("Vexacom", "ORG"))
    got = [(m.text, m.type) for m in gendered_names(text, ms)]
    assert got == [("Rook Vexley", "PERSON"), ("Vexley", "PERSON"), ("Vexley", "PERSON"), ("Rook", "PERSON"),
                   ("Vexacom", "ORG"), ("Vexacom", "ORG")]


def test_a_name_that_is_no_subject_or_a_known_place_stays_what_it_was() -> None:
    from newsparse.ner.retyping import gendered_names
    text = ("My son has a public Vexagram account with his phone. Teens open Vexagram accounts. He said so. "
            "Talks with China stalled. He left. China should accede to his terms. China has time. He waits.")
    ms = mentions(text, ("Vexagram", "ORG"), ("China", "GPE"))
    assert [m.type for m in gendered_names(text, ms)] == ["ORG", "ORG", "GPE", "GPE", "GPE"]


def test_a_firm_a_title_and_a_person_read_as_one_person_are_split() -> None:
    from newsparse.ner.spans import split_firm_title_person
    text = ("Vexacom CFO Dana Vexley left. Quill Labs Chairman Rook Dorne stayed. Senate Majority Leader Ana Roe "
            "spoke. Vexacom denied it.")
    ms = mentions(text, ("Vexacom CFO Dana Vexley", "PERSON"), ("Quill Labs Chairman Rook Dorne", "PERSON"),
                  ("Senate Majority Leader Ana Roe", "PERSON"), ("Vexacom", "PERSON"))
    got = [(m.text, m.type) for m in split_firm_title_person(ms, text)]
    assert got == [("Vexacom", "ORG"), ("Dana Vexley", "PERSON"), ("Quill Labs", "ORG"), ("Rook Dorne", "PERSON"),
                   ("Senate Majority Leader Ana Roe", "PERSON"), ("Vexacom", "ORG")]


def test_a_capitalised_race_word_is_a_group_not_a_place() -> None:
    assert refine_type("Black", "LOC") == "NORP"
    assert refine_type("Indigenous", "MISC") == "NORP"
    assert refine_type("Black", "PER") == "PERSON"  # a surname stays a person
    assert refine_type("Gen Z", "ORG") == "NORP"
    # the people of a place: a demonym, or a known place plus "n"/"ns"
    assert refine_type("Chinese", "LOC") == "NORP"
    assert refine_type("Kenyans", "LOC") == "NORP"
    assert refine_type("Nevadan", "MISC") == "NORP"
    assert refine_type("Kenya", "LOC") == "GPE"
    assert refine_type("Boston", "LOC") == "GPE"


def test_an_unknown_place_that_does_what_firms_do_is_a_firm() -> None:
    from newsparse.ner.retyping import listed_with_firms
    text = "Vexamo launched a phone. Vexamo shares rose. Dornvik said no. Europe and Vexacom agreed."
    ms = mentions(text, ("Vexamo", "GPE"), ("Dornvik", "GPE"), ("Europe", "LOC"), ("Vexacom", "ORG"))
    got = [(m.text, m.type) for m in listed_with_firms(text, ms)]
    # "said" is no sign: a surname read as a place says things; no firm is named Europe
    assert got == [("Vexamo", "ORG"), ("Vexamo", "ORG"), ("Dornvik", "GPE"), ("Europe", "LOC"), ("Vexacom", "ORG")]


def test_a_surname_read_as_an_unknown_place_is_the_person() -> None:
    text = "Dana Hadrow won. Hadrow said so in Ottawa. George Washington slept in Washington."
    ms = mentions(text, ("Dana Hadrow", "PERSON"), ("Hadrow", "GPE"), ("Ottawa", "GPE"), ("George Washington", "PERSON"),
                  ("Washington", "GPE"))
    consistent_types(ms)
    assert [(m.text, m.type) for m in ms] == [("Dana Hadrow", "PERSON"), ("Hadrow", "PERSON"), ("Ottawa", "GPE"),
                                               ("George Washington", "PERSON"), ("Washington", "GPE")]


def test_a_one_word_person_listed_with_firms_is_a_product_or_firm() -> None:
    from newsparse.ner.retyping import listed_with_firms
    text = ("Teams use Vexacom, Dornlytics and Quilbee. Dornlytics costs less. Ana Quilbee and Vexacom agreed. "
            "Vexacom, Maria and Tom left.")
    ms = mentions(text, ("Vexacom", "ORG"), ("Quilbee", "PERSON"), ("Dornlytics", "PERSON"), ("Ana Quilbee", "PERSON"),
                  ("Maria", "PERSON"), ("Tom", "PERSON"))
    got = {(m.text, m.type) for m in listed_with_firms(text, ms)}
    # Quilbee is part of a person's full name here, Maria and Tom are first names: people stay people
    assert got == {("Vexacom", "ORG"), ("Quilbee", "PERSON"), ("Dornlytics", "ORG"), ("Ana Quilbee", "PERSON"),
                   ("Maria", "PERSON"), ("Tom", "PERSON")}


def test_planets_named_alone_are_places() -> None:
    from newsparse.ner.retyping import celestial_bodies
    text = "A probe left Earth for Mars. Bruno Vexmars sang; Venus Dorne and Venus agreed."
    ms = mentions(text, ("Earth", "GPE"), ("Mars", "PERSON"), ("Venus Dorne", "PERSON"), ("Venus", "PERSON"))
    assert [(m.text, m.type) for m in celestial_bodies(ms)] == [("Earth", "LOC"), ("Mars", "LOC"),
                                                              ("Venus Dorne", "PERSON"), ("Venus", "PERSON")]


def test_a_greeting_is_no_part_of_a_name() -> None:
    from newsparse.ner.spans import clean_edges
    text = "Hey Vexagram, fix this. Dear Jane Roe, thanks."
    ms = mentions(text, ("Hey Vexagram", "PERSON"), ("Dear Jane Roe", "PERSON"))
    assert [m.text for m in clean_edges(ms, text)] == ["Vexagram", "Jane Roe"]


def test_a_misc_name_listed_with_people_is_a_person() -> None:
    from newsparse.ner.retyping import listed_with_people
    text = "With files from Kyle Vexley, Ana Dorne and Slav Quilbee. The Vexa Open and Ana Dorne."
    ms = mentions(text, ("Kyle Vexley", "PERSON"), ("Ana Dorne", "PERSON"), ("Slav Quilbee", "MISC"),
                  ("Vexa Open", "MISC"))
    got = [(m.text, m.type) for m in listed_with_people(text, ms)]
    # one person in the second list is not a list of people
    assert got == [("Kyle Vexley", "PERSON"), ("Ana Dorne", "PERSON"), ("Slav Quilbee", "PERSON"),
                   ("Vexa Open", "MISC"), ("Ana Dorne", "PERSON")]


def test_an_unknown_place_that_starts_a_firms_name_is_the_firm() -> None:
    from newsparse.ner.retyping import listed_with_firms
    text = "The Vexamo Model Q sold well; Vexamo grew. Dornvik Council met in Dornvik."
    ms = mentions(text, ("Vexamo Model Q", "ORG"), ("Vexamo", "GPE"), ("Dornvik Council", "ORG"), ("Dornvik", "GPE"))
    got = [(m.text, m.type) for m in listed_with_firms(text, ms)]
    # a town the article writes after "in" stays a town
    assert got == [("Vexamo Model Q", "ORG"), ("Vexamo", "ORG"), ("Dornvik Council", "ORG"), ("Dornvik", "GPE")]


def test_any_town_before_a_state_code_is_a_place_and_so_is_the_code() -> None:
    from newsparse.ner.retyping import city_state
    text = "Offices: Dornvale, AZ; Miami, FL."
    ms = mentions(text, ("Dornvale", "PERSON"), ("AZ", "ORG"), ("Miami", "GPE"), ("FL", "ORG"))
    assert [(m.text, m.type) for m in city_state(text, ms)] == [("Dornvale", "GPE"), ("AZ", "GPE"), ("Miami", "GPE"),
                                                                ("FL", "GPE")]
