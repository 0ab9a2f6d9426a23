import pytest

from manual import interface, yamlfile
from manual.errors import ManualError


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_lines_are_remembered(tmp_path):
    data, lines = yamlfile.load(write(tmp_path / "a.yml", "a: 1\nb:\n  - x: true\n    y: hi\n"))
    assert data == {"a": 1, "b": [{"x": True, "y": "hi"}]}
    assert yamlfile.line_of(lines, ("b", 0, "y")) == 4
    assert yamlfile.line_of(lines, ("b", 0, "missing")) == 3


def test_duplicate_keys_are_refused_with_their_line(tmp_path):
    with pytest.raises(ManualError, match=r"a.yml:2: duplicate key 'a'"):
        yamlfile.load(write(tmp_path / "a.yml", "a: 1\na: 2\n"))


def test_syntax_errors_name_file_and_line(tmp_path):
    with pytest.raises(ManualError, match=r"a.yml:2: YAML syntax error"):
        yamlfile.load(write(tmp_path / "a.yml", "a: [1\nb: 2\n"))


def test_interface_strings_fall_back_to_english(tmp_path):
    write(tmp_path / "en" / "interface.yml", "hello: Hello\nbye: Goodbye\n")
    write(tmp_path / "ro" / "interface.yml", "hello: Bună\n")
    strings = interface.load_strings(tmp_path, "ro")
    assert strings.hello == "Bună" and strings.bye == "Goodbye"


def test_interface_key_unknown_to_english_is_an_error(tmp_path):
    write(tmp_path / "en" / "interface.yml", "hello: Hello\n")
    write(tmp_path / "ro" / "interface.yml", "hello: Bună\nhelo: typo\n")
    with pytest.raises(ManualError, match=r"ro/interface.yml:2: unknown key 'helo'"):
        interface.load_strings(tmp_path, "ro")
