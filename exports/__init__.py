"""Writers of files people take away: calendar invites, workbooks and PDFs. No Qt, no sessions."""
