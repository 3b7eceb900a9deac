"""`plenipo validate`: OK when clean; exit 0 clean or warnings only, 1 warnings with --strict, 2 errors."""

from __future__ import annotations

from game.cli.main import main
from game.scenario.template import starter


def write(tmp_path, text, name="t.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_clean_file_prints_ok_and_exits_0(tmp_path, capsys):
    path = write(tmp_path, starter("t"))
    assert main(["validate", path]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: OK"
    assert main(["validate", "--strict", path]) == 0


def test_warnings_exit_0_and_1_with_strict(tmp_path, capsys):
    path = write(tmp_path, starter("t").replace('languages = ["en"]', 'languages = ["en", "lt"]'))
    assert main(["validate", path]) == 0
    out = capsys.readouterr().out
    assert "warning: meta.title: no lt text [missing-translation]" in out and "OK" not in out
    assert main(["validate", "--strict", path]) == 1


def test_errors_exit_2_with_file_line_and_did_you_mean(tmp_path, capsys):
    path = write(tmp_path, starter("t").replace('parties = ["westria", "eastria"]', 'parties = ["westria", "eastrai"]'))
    assert main(["validate", path]) == 2
    out = capsys.readouterr().out
    assert f"{path}:" in out and "error: instruments[0].parties[1]: unknown delegation 'eastrai' (did you mean 'eastria'" in out


def test_errors_win_over_warnings_across_files(tmp_path):
    good = write(tmp_path, starter("t").replace('languages = ["en"]', 'languages = ["en", "lt"]'), "a.toml")
    bad = write(tmp_path, "id = 3\n", "b.toml")
    assert main(["validate", "--strict", good, bad]) == 2
