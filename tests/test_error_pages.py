from manual import error_pages


def test_source_language_404_stays_at_the_root(tmp_path):
    assert error_pages.place(tmp_path, "", "<h1>Not found</h1>") == "<h1>Not found</h1>"
    assert not list(tmp_path.iterdir())


def test_translation_404_goes_to_its_folder_and_leaves_the_root_alone(tmp_path):
    assert error_pages.place(tmp_path, "ro/", "<h1>Negăsit</h1>") == ""
    assert (tmp_path / "ro" / "404.html").read_text(encoding="utf-8") == "<h1>Negăsit</h1>"
