from manual import search_index

INDEX = {
    "config": {"lang": ["en", "ro"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Home", "text": "a"},
        {"location": "about/#x", "title": "About", "text": "b"},
        {"location": "ro/", "title": "Acasă", "text": "c"},
        {"location": "ro/about/", "title": "Despre", "text": "d"},
    ],
}


def test_source_language_keeps_only_its_own_pages():
    scoped = search_index.scope(INDEX, "en", "", ("ro/",))
    assert [d["location"] for d in scoped["docs"]] == ["", "about/#x"]
    assert scoped["config"]["lang"] == ["en"]


def test_translation_is_rerooted_at_its_folder_with_its_stemmer():
    scoped = search_index.scope(INDEX, "ro", "ro/", ("ro/",))
    assert [d["location"] for d in scoped["docs"]] == ["", "about/"]
    assert scoped["config"]["lang"] == ["ro"]
    assert scoped["config"]["separator"] == INDEX["config"]["separator"]


def test_language_without_a_stemmer_uses_english_rules():
    assert search_index.scope(INDEX, "xx", "xx/", ("xx/",))["config"]["lang"] == ["en"]


def test_search_base_points_at_the_language_root():
    assert search_index.search_base("../..", "ro/") == "../../ro/"
    assert search_index.search_base(".", "ro/") == "./ro/"
    assert search_index.search_base("/", "ro/") == "/ro/"
    assert search_index.search_base("..", "") == ".."
