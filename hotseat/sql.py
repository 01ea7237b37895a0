"""Model instances from rows read by SQL written once.

The ORM builds a query's SQL anew on every call. For the hot pages' small indexed reads that
took three to four times as long as PostgreSQL took to run them, so those reads are written
as SQL; these helpers turn a joined row back into what `select_related` would have given.
"""

from functools import cache

from django.db import connection


@cache
def _fields(model) -> tuple:
    return tuple(model._meta.concrete_fields)


def columns(model, alias: str) -> str:
    """Every concrete column of `model` under a table alias, in _fields order."""
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(field.column)}" for field in _fields(model))


@cache
def _converters(model, vendor: str) -> tuple:
    """Per field, the database's and the field's own converters (as the ORM applies them:
    SQLite's datetimes made aware, for one)."""
    expressions = [field.get_col(model._meta.db_table) for field in _fields(model)]
    return tuple(
        (
            expression,
            [
                *connection.ops.get_db_converters(expression),
                *expression.target.get_db_converters(connection),
            ],
        )
        for expression in expressions
    )


def instance(model, row):
    """An instance of `model` from `row`'s leading values (as `columns` lists them); returns
    it and the values that follow."""
    fields = _fields(model)
    values = []
    for value, (expression, converters) in zip(
        row, _converters(model, connection.vendor), strict=False
    ):
        for convert in converters:
            value = convert(value, expression, connection)
        values.append(value)
    obj = model.from_db(connection.alias, [field.attname for field in fields], values)
    return obj, row[len(fields) :]


def rows(query: str, params) -> list[tuple]:
    """The rows of a written query, as plain values."""
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()
