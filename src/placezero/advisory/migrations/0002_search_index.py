"""The SQLite FTS5 table of full-text search (advisory.search); PostgreSQL needs none."""

from django.db import migrations

# As in placezero.advisory.search (a migration keeps its own copy: the app may change).
CREATE_FTS_SQL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS advisory_resource_fts USING fts5("
    "title, summary, tags, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)
DROP_FTS_SQL = "DROP TABLE IF EXISTS advisory_resource_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(CREATE_FTS_SQL)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(DROP_FTS_SQL)


class Migration(migrations.Migration):
    dependencies = [("advisory", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
