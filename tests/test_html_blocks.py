"""HTML set aside while Markdown runs goes back exactly where it was, or the build stops."""

import markdown
import pytest

from manual.html_blocks import HtmlBlocks


def test_blocks_come_back_in_place_after_markdown():
    blocks = HtmlBlocks()
    first = blocks.set_aside('<ul class="checklist"><li>One</li></ul>')
    second = blocks.set_aside('<div class="case-lines"></div>')
    text = f"# Title\n\n{first}\n\nSome *text*.\n\n{second}\n"
    html = blocks.put_back(markdown.markdown(text))
    assert (
        html.index('<ul class="checklist"><li>One</li></ul>')
        < html.index("<em>text</em>")
        < html.index('<div class="case-lines"></div>')
    )
    assert "html-block" not in html


@pytest.mark.parametrize(
    "change",
    [lambda h: h.replace("<!-- html-block 1 -->", ""), lambda h: h + "<!-- html-block 0 -->"],
)
def test_a_lost_or_repeated_block_stops_the_build(change):
    blocks = HtmlBlocks()
    text = f"{blocks.set_aside('<p>a</p>')}\n\n{blocks.set_aside('<p>b</p>')}\n"
    with pytest.raises(ValueError, match="expected each of 2 HTML blocks once"):
        blocks.put_back(change(markdown.markdown(text)))
