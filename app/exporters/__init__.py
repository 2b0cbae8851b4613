"""Documents as files: one document model rendered to .docx and .pdf, and the preview's page images. No Qt."""
