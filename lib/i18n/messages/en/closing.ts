/** Section "closing" (issue 14): the signing deadline, reopening a unit after it, and closing a campaign. */
export const closing = {
  title: "Deadline and campaign close",
  refusals: {
    closed: "The campaign is closed: no more signing, declining, countersigning, reminders, reissues, reopening or issuance; the archive is final.",
    pastDeadline: "The signing deadline has passed ({deadline}); ask the city chairperson to reopen it.",
    reopenExpired: "The deadline has passed and the reopened window ended {until}; ask the city chairperson to reopen it.",
    notLaunched: "The campaign has not been launched.",
  },
  close: {
    heading: "Close the campaign",
    text: "Once closed, nothing can be signed, declined, countersigned, reminded, reissued, reopened or issued; the archive is final.",
    button: "Close campaign",
    confirm: "Close this campaign? This cannot be undone.",
    closed: "Campaign closed.",
    closedAt: "The campaign was closed at {at}.",
    alreadyClosed: "The campaign was already closed.",
    notFound: "Campaign not found.",
  },
  reopen: {
    heading: "Reopen for signing after the deadline",
    reason: "Reason for reopening",
    days: "Extra days to sign",
    button: "Reopen for signing after the deadline",
    reopened: "{unit} may sign until {until}.",
    reasonTooShort: "The reason must be at least 10 characters.",
    reasonRequired: "Enter the reason for reopening.",
    daysInvalid: "The number of days must be between 1 and {max}.",
    notOpen: "Only a commitment not yet signed or declined can be reopened.",
    notPastDeadline: "The deadline has not passed; nothing to reopen.",
    window: "Reopened for signing after the deadline, until {until}. Reason: {reason}",
  },
};
