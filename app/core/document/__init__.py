"""The report's content as plain data, built once, drawn by every renderer (PDF, DOCX, HTML).

    prepare(assessment, ...) -> ReportInput     resolve, normalise and score one assessment
    build_document(ri) -> Document              the full report
    build_summary(ri) -> Summary                the one page for the tjänsteskrivelse
"""
