"""exemplars movements catalogue nominations

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 22:13:48.439649
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "award_form",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("short_name", sa.String(length=40), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("title", "commendation", name="awardkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("reward_individual", sa.Integer(), nullable=True),
        sa.Column("reward_collective", sa.Integer(), nullable=True),
        sa.Column("reward_household", sa.Integer(), nullable=True),
        sa.Column("counts_toward_merit", sa.Boolean(), nullable=False),
        sa.Column(
            "poll_method",
            sa.Enum("secret_ballot", "show_of_hands", name="pollmethod", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "threshold_base",
            sa.Enum("all_members", "present", name="thresholdbase", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("threshold_percent", sa.Integer(), nullable=False),
        sa.Column("threshold_strict", sa.Boolean(), nullable=False),
        sa.Column("legal_basis", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_award_form")),
        sa.UniqueConstraint("code", name=op.f("uq_award_form_code")),
    )
    op.create_table(
        "stored_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=255), nullable=False),
        sa.Column("suffix", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_file")),
        sa.UniqueConstraint("sha256", name=op.f("uq_stored_file_sha256")),
    )
    op.create_table(
        "criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("award_form_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column(
            "mode",
            sa.Enum("judged", "rule", name="criterionmode", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("rule_code", sa.String(length=40), nullable=False),
        sa.Column("rule_params", sa.Text(), nullable=False),
        sa.Column("any_of_group", sa.String(length=40), nullable=False),
        sa.Column("subject_kinds", sa.String(length=100), nullable=False),
        sa.Column("occupation_groups", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["award_form_id"],
            ["award_form.id"],
            name=op.f("fk_criterion_award_form_id_award_form"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion")),
        sa.UniqueConstraint("award_form_id", "code", name=op.f("uq_criterion_award_form_id")),
    )
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_criterion_award_form_id"), ["award_form_id"], unique=False)

    op.create_table(
        "movement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_norm", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("ongoing", "periodic", "thematic", name="movementkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("launched_by", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("field_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["field_id"], ["field.id"], name=op.f("fk_movement_field_id_field"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movement")),
    )
    with op.batch_alter_table("movement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_movement_field_id"), ["field_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_movement_name_norm"), ["name_norm"], unique=False)

    op.create_table(
        "round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "year_end", "quarter", "ad_hoc", "thematic", name="roundkind", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "reviewing", "closed", name="roundstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("movement_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["movement_id"], ["movement.id"], name=op.f("fk_round_movement_id_movement"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round")),
    )
    with op.batch_alter_table("round", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_movement_id"), ["movement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_round_year"), ["year"], unique=False)

    op.create_table(
        "exemplar",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=True),
        sa.Column("field_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("introduced_on", sa.Date(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "discovered",
                "nurtured",
                "summarised",
                "replicated",
                name="exemplarstage",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("achievements", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["field_id"], ["field.id"], name=op.f("fk_exemplar_field_id_field"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["movement.id"],
            name=op.f("fk_exemplar_movement_id_movement"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["subject.id"], name=op.f("fk_exemplar_subject_id_subject"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_exemplar_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemplar")),
    )
    with op.batch_alter_table("exemplar", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exemplar_field_id"), ["field_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exemplar_introduced_on"), ["introduced_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_exemplar_movement_id"), ["movement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exemplar_subject_id"), ["subject_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exemplar_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "exemplar_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exemplar_id", sa.Integer(), nullable=False),
        sa.Column("stored_file_id", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(length=300), nullable=False),
        sa.Column("is_photo", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exemplar_id"],
            ["exemplar.id"],
            name=op.f("fk_exemplar_file_exemplar_id_exemplar"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stored_file_id"],
            ["stored_file.id"],
            name=op.f("fk_exemplar_file_stored_file_id_stored_file"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemplar_file")),
    )
    with op.batch_alter_table("exemplar_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exemplar_file_exemplar_id"), ["exemplar_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_exemplar_file_stored_file_id"), ["stored_file_id"], unique=False)

    op.create_table(
        "exemplar_stage_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exemplar_id", sa.Integer(), nullable=False),
        sa.Column(
            "stage",
            sa.Enum(
                "discovered",
                "nurtured",
                "summarised",
                "replicated",
                name="exemplarstage",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exemplar_id"],
            ["exemplar.id"],
            name=op.f("fk_exemplar_stage_change_exemplar_id_exemplar"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemplar_stage_change")),
    )
    with op.batch_alter_table("exemplar_stage_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exemplar_stage_change_exemplar_id"), ["exemplar_id"], unique=False
        )

    op.create_table(
        "nomination",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("award_form_id", sa.Integer(), nullable=False),
        sa.Column("proposing_unit_id", sa.Integer(), nullable=True),
        sa.Column("exemplar_id", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "proposed",
                "appraised",
                "passed",
                "failed",
                "decided",
                name="nominationstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["award_form_id"],
            ["award_form.id"],
            name=op.f("fk_nomination_award_form_id_award_form"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["exemplar_id"],
            ["exemplar.id"],
            name=op.f("fk_nomination_exemplar_id_exemplar"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["proposing_unit_id"],
            ["unit.id"],
            name=op.f("fk_nomination_proposing_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"], ["round.id"], name=op.f("fk_nomination_round_id_round"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["subject.id"], name=op.f("fk_nomination_subject_id_subject"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination")),
    )
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_nomination_award_form_id"), ["award_form_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_nomination_exemplar_id"), ["exemplar_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_nomination_proposing_unit_id"), ["proposing_unit_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_nomination_round_id"), ["round_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_nomination_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_nomination_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "publicity_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exemplar_id", sa.Integer(), nullable=False),
        sa.Column("outlet", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("stored_file_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exemplar_id"],
            ["exemplar.id"],
            name=op.f("fk_publicity_item_exemplar_id_exemplar"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stored_file_id"],
            ["stored_file.id"],
            name=op.f("fk_publicity_item_stored_file_id_stored_file"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publicity_item")),
    )
    with op.batch_alter_table("publicity_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_publicity_item_exemplar_id"), ["exemplar_id"], unique=False)

    op.create_table(
        "replication_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exemplar_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "exchange",
                "visit",
                "model_copied",
                "talk",
                "other",
                name="replicationkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["exemplar_id"],
            ["exemplar.id"],
            name=op.f("fk_replication_activity_exemplar_id_exemplar"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replication_activity")),
    )
    with op.batch_alter_table("replication_activity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_replication_activity_exemplar_id"), ["exemplar_id"], unique=False
        )

    op.create_table(
        "achievement_report",
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("workplace", sa.String(length=300), nullable=False),
        sa.Column("qualification", sa.String(length=300), nullable=False),
        sa.Column("overview", sa.Text(), nullable=False),
        sa.Column("duties", sa.Text(), nullable=False),
        sa.Column("achievements", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("awards_received", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_achievement_report_nomination_id_nomination"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("nomination_id", name=op.f("pk_achievement_report")),
    )
    op.create_table(
        "checklist_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum("met", "not_met", "unknown", name="criterionoutcome", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("stored_file_id", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["criterion_id"],
            ["criterion.id"],
            name=op.f("fk_checklist_item_criterion_id_criterion"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_checklist_item_nomination_id_nomination"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["stored_file_id"],
            ["stored_file.id"],
            name=op.f("fk_checklist_item_stored_file_id_stored_file"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_item")),
        sa.UniqueConstraint("nomination_id", "criterion_id", name=op.f("uq_checklist_item_nomination_id")),
    )
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_item_criterion_id"), ["criterion_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_checklist_item_nomination_id"), ["nomination_id"], unique=False)

    op.create_table(
        "nomination_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "proposed",
                "appraised",
                "passed",
                "failed",
                "decided",
                name="nominationstatus",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_nomination_event_nomination_id_nomination"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination_event")),
    )
    with op.batch_alter_table("nomination_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_nomination_event_nomination_id"), ["nomination_id"], unique=False
        )

    with op.batch_alter_table("award_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("award_form_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("counts_toward_merit", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.create_index(batch_op.f("ix_award_record_award_form_id"), ["award_form_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_award_record_award_form_id_award_form"),
            "award_form",
            ["award_form_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("subject", schema=None) as batch_op:
        batch_op.add_column(sa.Column("collective_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_subject_collective_id"), ["collective_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_subject_collective_id_subject"),
            "subject",
            ["collective_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:

    with op.batch_alter_table("subject", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_subject_collective_id_subject"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_subject_collective_id"))
        batch_op.drop_column("collective_id")

    with op.batch_alter_table("award_record", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_award_record_award_form_id_award_form"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_award_record_award_form_id"))
        batch_op.drop_column("counts_toward_merit")
        batch_op.drop_column("award_form_id")

    with op.batch_alter_table("nomination_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nomination_event_nomination_id"))

    op.drop_table("nomination_event")
    with op.batch_alter_table("checklist_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_item_nomination_id"))
        batch_op.drop_index(batch_op.f("ix_checklist_item_criterion_id"))

    op.drop_table("checklist_item")
    op.drop_table("achievement_report")
    with op.batch_alter_table("replication_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_replication_activity_exemplar_id"))

    op.drop_table("replication_activity")
    with op.batch_alter_table("publicity_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publicity_item_exemplar_id"))

    op.drop_table("publicity_item")
    with op.batch_alter_table("nomination", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nomination_subject_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_status"))
        batch_op.drop_index(batch_op.f("ix_nomination_round_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_proposing_unit_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_exemplar_id"))
        batch_op.drop_index(batch_op.f("ix_nomination_award_form_id"))

    op.drop_table("nomination")
    with op.batch_alter_table("exemplar_stage_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exemplar_stage_change_exemplar_id"))

    op.drop_table("exemplar_stage_change")
    with op.batch_alter_table("exemplar_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exemplar_file_stored_file_id"))
        batch_op.drop_index(batch_op.f("ix_exemplar_file_exemplar_id"))

    op.drop_table("exemplar_file")
    with op.batch_alter_table("exemplar", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exemplar_unit_id"))
        batch_op.drop_index(batch_op.f("ix_exemplar_subject_id"))
        batch_op.drop_index(batch_op.f("ix_exemplar_movement_id"))
        batch_op.drop_index(batch_op.f("ix_exemplar_introduced_on"))
        batch_op.drop_index(batch_op.f("ix_exemplar_field_id"))

    op.drop_table("exemplar")
    with op.batch_alter_table("round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_round_year"))
        batch_op.drop_index(batch_op.f("ix_round_movement_id"))

    op.drop_table("round")
    with op.batch_alter_table("movement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_movement_name_norm"))
        batch_op.drop_index(batch_op.f("ix_movement_field_id"))

    op.drop_table("movement")
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_award_form_id"))

    op.drop_table("criterion")
    op.drop_table("stored_file")
    op.drop_table("award_form")
