import Foundation
import ScreenKit
import ServiceDomain

/// Something that happened: a key, a clock tick, a store answer. Named for the event, not the intent.
public enum Action: Sendable, Equatable {
    /// The console has just opened: load what the header and the first panel show.
    case consoleStarted
    case keyPressed(Key)
    case clockTicked(Date)
    /// Another terminal committed to the database.
    case storeChangedElsewhere
    /// The database file is gone, replaced or unwritable: nothing typed now can be saved.
    case storeFileProblem(Message)
    /// Something that happened in the background (today's backup failed): shown in the status line.
    case notice(StatusLine)
    /// The status line message with this revision has been up long enough (see `StatusTimer`).
    case statusExpired(revision: Int)
    case searchCompleted(query: String, results: [SearchHit])
    case searchFailed(query: String, Message)
    case cardLoaded(CustomerCard?)
    case cardFailed(Message)
    case reception(ReceptionEvent)
    case workshop(WorkshopEvent)
    case followUp(FollowUpEvent)
    case insights(InsightsEvent)
    case audit(AuditEvent)
}

/// Work for the world outside the reducer. The runtime performs it and feeds results back as actions.
public enum Effect: Sendable, Equatable {
    case search(query: String)
    case loadCard(customerID: RowID)
    /// Stop the process for the shell (Ctrl-Z); the runtime redraws on return.
    case suspend
    /// Forget what is on screen and repaint (Ctrl-L).
    case redraw
    case reception(ReceptionRequest)
    case workshop(WorkshopRequest)
    case followUp(FollowUpRequest)
    case insights(InsightsRequest)
    case audit(AuditRequest)
}
