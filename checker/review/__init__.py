"""`claimcheck review`: the editor's page for confirming drafts beside the text and its findings."""
