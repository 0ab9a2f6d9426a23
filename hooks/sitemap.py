"""Hook: no sitemap without an address for the site.

Without `site_url` MkDocs writes addresses such as "None./" into sitemap.xml, and Material's
language menu, finding the reader's page missing from that sitemap, would send them to the other
language's home page instead of the same page. Set SITE_URL when the manual is published at a
known address to get a real sitemap.
"""


def on_post_template(output_content, template_name, config):
    if template_name == "sitemap.xml" and not config.site_url:
        return ""  # MkDocs skips a template that renders empty
    return output_content
