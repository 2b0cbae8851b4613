"""The commendation council (Hội đồng Thi đua - Khen thưởng): members and terms, the council's rules,
meetings with attendance, quorum, agenda and written opinions, polls entered three ways, closing.

The names below are what the UI and the CLI may call (app/services/exports.py); the API is described in
/work/notes/council-api.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.council.agenda import (
        agenda_candidates,
        remove_written_opinion,
        set_agenda,
        set_written_opinion,
    )
    from app.services.council.closing import close_meeting
    from app.services.council.data import (
        AgendaCandidate,
        AgendaItemView,
        AttendanceInput,
        AttendanceView,
        CouncilMemberInput,
        CouncilMemberRow,
        CouncilRules,
        MeetingInput,
        MeetingRow,
        MeetingView,
        NominationCouncilResult,
        OpinionInput,
        OpinionView,
        PaperBallotMarks,
        PollView,
        PrivateProgress,
        QuorumView,
        TallyInput,
    )
    from app.services.council.letters import opinion_letter_path
    from app.services.council.meetings import (
        create_meeting,
        delete_meeting,
        get_meeting,
        list_meetings,
        override_quorum,
        set_attendance,
        update_meeting,
    )
    from app.services.council.members import (
        create_council_member,
        delete_council_member,
        get_council_member,
        get_council_rules,
        list_council_members,
        save_council_rules,
        update_council_member,
    )
    from app.services.council.papers import PAPERS, MeetingPaper, meeting_papers, save_meeting_papers
    from app.services.council.polls import (
        add_paper_ballot,
        cast_private_ballot,
        close_poll,
        delete_poll,
        get_poll,
        list_paper_ballots,
        private_progress,
        remove_paper_ballot,
        reopen_poll,
        save_tally,
        set_ballots_issued,
        start_poll,
    )
    from app.services.council.results import nomination_council_results

__all__ = [
    "AgendaCandidate", "AgendaItemView", "AttendanceInput", "AttendanceView", "CouncilMemberInput",
    "CouncilMemberRow", "CouncilRules", "MeetingInput", "MeetingRow", "MeetingView",
    "NominationCouncilResult", "OpinionInput", "OpinionView", "PaperBallotMarks", "PollView",
    "MeetingPaper", "PAPERS", "PrivateProgress", "QuorumView", "TallyInput", "add_paper_ballot",
    "agenda_candidates", "meeting_papers", "save_meeting_papers",
    "cast_private_ballot", "close_meeting", "close_poll", "create_council_member", "create_meeting",
    "delete_council_member", "delete_meeting", "delete_poll", "get_council_member", "get_council_rules",
    "get_meeting", "get_poll", "list_council_members", "list_meetings", "list_paper_ballots",
    "nomination_council_results", "opinion_letter_path", "override_quorum", "private_progress",
    "remove_paper_ballot",
    "remove_written_opinion", "reopen_poll", "save_council_rules", "save_tally", "set_agenda",
    "set_attendance", "set_ballots_issued", "set_written_opinion", "start_poll", "update_council_member",
    "update_meeting",
]
__getattr__ = lazy_exports(__name__, {
    "agenda": ["agenda_candidates", "remove_written_opinion", "set_agenda", "set_written_opinion"],
    "closing": ["close_meeting"],
    "letters": ["opinion_letter_path"],
    "data": [
        "AgendaCandidate", "AgendaItemView", "AttendanceInput", "AttendanceView", "CouncilMemberInput",
        "CouncilMemberRow", "CouncilRules", "MeetingInput", "MeetingRow", "MeetingView",
        "NominationCouncilResult", "OpinionInput", "OpinionView", "PaperBallotMarks", "PollView",
        "PrivateProgress", "QuorumView", "TallyInput",
    ],
    "meetings": [
        "create_meeting", "delete_meeting", "get_meeting", "list_meetings", "override_quorum",
        "set_attendance", "update_meeting",
    ],
    "members": [
        "create_council_member", "delete_council_member", "get_council_member", "get_council_rules",
        "list_council_members", "save_council_rules", "update_council_member",
    ],
    "papers": ["PAPERS", "MeetingPaper", "meeting_papers", "save_meeting_papers"],
    "polls": [
        "add_paper_ballot", "cast_private_ballot", "close_poll", "delete_poll", "get_poll",
        "list_paper_ballots", "private_progress", "remove_paper_ballot", "reopen_poll", "save_tally",
        "set_ballots_issued", "start_poll",
    ],
    "results": ["nomination_council_results"],
})
