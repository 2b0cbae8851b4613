"""certificates: golden-book numbers, printer calibrations, the blanks register, prints and certificates

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 05:00:00

The golden-book number given to each recipient at issue (unique in its book), the printers' offsets,
the register of blanks (phôi) received and spoiled, every batch printed and every certificate in it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_NOW = sa.text("(CURRENT_TIMESTAMP)")


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    op.create_table(
        "golden_book_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_entry_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column(
            "scheme",
            sa.Enum("decision_order", "yearly", "running", name="goldenbookscheme", native_enum=False,
                    length=32),
            nullable=False,
        ),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        _fk("golden_book_entry", "decision_entry_id", "decision_entry", "RESTRICT"),
        _fk("golden_book_entry", "decision_id", "decision", "RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_golden_book_entry")),
        sa.UniqueConstraint("decision_entry_id", name=op.f("uq_golden_book_entry_decision_entry_id")),
        sa.UniqueConstraint("scope", "number", name=op.f("uq_golden_book_entry_scope")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("golden_book_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_golden_book_entry_decision_id"), ["decision_id"], unique=False)

    op.create_table(
        "printer_calibration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("printer_name", sa.String(length=200), nullable=False),
        sa.Column("offset_x_mm", sa.Float(), nullable=False),
        sa.Column("offset_y_mm", sa.Float(), nullable=False),
        sa.Column("scale", sa.Float(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printer_calibration")),
        sa.UniqueConstraint("printer_name", name=op.f("uq_printer_calibration_printer_name")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "blank_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("received", "spoiled", name="blankentrykind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("serial_from", sa.String(length=40), nullable=False),
        sa.Column("serial_to", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=_NOW, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_blank_entry")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "certificate_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by", sa.String(length=200), nullable=False),
        sa.Column("layout_name", sa.String(length=100), nullable=False),
        sa.Column("blank_form", sa.Boolean(), nullable=False),
        sa.Column("printer_name", sa.String(length=200), nullable=False),
        sa.Column("offset_x_mm", sa.Float(), nullable=False),
        sa.Column("offset_y_mm", sa.Float(), nullable=False),
        sa.Column("scale", sa.Float(), nullable=False),
        sa.Column("recipients", sa.String(length=2000), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("blanks_left", sa.Integer(), nullable=True),
        sa.Column("over_stock", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _fk("certificate_print", "decision_id", "decision", "RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_print")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("certificate_print", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_print_decision_id"), ["decision_id"], unique=False)

    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("print_id", sa.Integer(), nullable=False),
        sa.Column("decision_entry_id", sa.Integer(), nullable=False),
        sa.Column("golden_book_no", sa.Integer(), nullable=True),
        sa.Column("reprint_of_id", sa.Integer(), nullable=True),
        sa.Column("on_blank", sa.Boolean(), nullable=False),
        sa.Column("spoiled", sa.Boolean(), nullable=False),
        sa.Column("spoil_reason", sa.Text(), nullable=False),
        _fk("certificate", "print_id", "certificate_print", "RESTRICT"),
        _fk("certificate", "decision_entry_id", "decision_entry", "RESTRICT"),
        _fk("certificate", "reprint_of_id", "certificate", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_decision_entry_id"), ["decision_entry_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_certificate_print_id"), ["print_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_certificate_reprint_of_id"), ["reprint_of_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_reprint_of_id"))
        batch_op.drop_index(batch_op.f("ix_certificate_print_id"))
        batch_op.drop_index(batch_op.f("ix_certificate_decision_entry_id"))
    op.drop_table("certificate")
    with op.batch_alter_table("certificate_print", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_print_decision_id"))
    op.drop_table("certificate_print")
    op.drop_table("blank_entry")
    op.drop_table("printer_calibration")
    with op.batch_alter_table("golden_book_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_golden_book_entry_decision_id"))
    op.drop_table("golden_book_entry")
