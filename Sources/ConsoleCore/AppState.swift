import Foundation
import ScreenKit
import ServiceDomain

public enum StatusKind: Sendable, Equatable { case info, ok, warning, error }

/// A line in the status bar. Either a catalog message (follows the language) or text from elsewhere.
public struct StatusLine: Sendable, Equatable {
    public var message: Message
    public var kind: StatusKind
    public init(_ message: Message, kind: StatusKind = .info) {
        self.message = message
        self.kind = kind
    }
}

extension StatusLine {
    /// How long the message stays when no key is pressed: problems longer than news.
    public var lifetime: TimeInterval {
        switch kind {
        case .info, .ok: 5
        case .warning, .error: 10
        }
    }
}

/// Decides when the status line message has been shown long enough. The run loop feeds it the state
/// and the time on each idle turn; the reducer clears the message (if it is still the same one).
public struct StatusTimer: Sendable {
    private var watched: (revision: Int, since: Date)?
    public init() {}

    public mutating func expired(_ state: AppState, now: Date) -> Action? {
        guard let status = state.status else { watched = nil; return nil }
        guard let w = watched, w.revision == state.statusRevision else {
            watched = (state.statusRevision, now)
            return nil
        }
        guard now.timeIntervalSince(w.since) >= status.lifetime else { return nil }
        watched = nil
        return .statusExpired(revision: w.revision)
    }
}

public enum Overlay: Sendable, Equatable {
    case help
    case confirmQuit
    /// Who changed what and when (managers).
    case audit
}

/// The Find panel: a query typed live, its results, and an opened customer card.
public struct FindState: Sendable, Equatable {
    public var query = TextInputState()
    /// The query the results belong to (results arrive after the effect runs).
    public var resultsQuery = ""
    public var results: [SearchHit] = []
    public var rows: [FindRow] = []
    public var table = TableState()
    public var card: CustomerCard?
    /// The vehicle the card was opened from, shown first.
    public var cardVehicleID: RowID?
    public init() {}
}

/// Everything the console shows. Views are a pure function of this and the screen size.
public struct AppState: Sendable, Equatable {
    public var language: Language
    public var panel: Panel = .find
    public var overlay: Overlay?
    public var status: StatusLine? { didSet { statusRevision &+= 1 } }
    /// Counts every change of `status`, so a message said again starts its time on screen afresh.
    public private(set) var statusRevision = 0
    public var shopName: String
    public var operatorName: String
    public var now: Date
    public var timeZone: TimeZone
    /// Locale is not UTF-8: ASCII borders, and the status line says so.
    public var asciiOnly: Bool
    public var find = FindState()
    public var reception = ReceptionState()
    public var workshop = WorkshopState()
    public var followUp = FollowUpState()
    public var insights = InsightsState()
    public var audit = AuditState()
    public var shouldQuit = false

    public init(language: Language, shopName: String, operatorName: String, now: Date, timeZone: TimeZone,
                asciiOnly: Bool = false) {
        self.language = language
        self.shopName = shopName
        self.operatorName = operatorName
        self.now = now
        self.timeZone = timeZone
        self.asciiOnly = asciiOnly
        if asciiOnly { status = StatusLine(Strings.notUTF8, kind: .warning) }
    }

    /// Input the user typed that is not saved anywhere yet (asks before quitting).
    /// The Find query is a search, not data: losing it loses nothing; forms report their own input.
    public var hasUnsavedInput: Bool { PanelRouter.hasUnsavedInput(self) }

    /// Whether a text field has the keyboard, so plain letters are typed rather than commands.
    public var isTyping: Bool { overlay == nil && isTypingIgnoringOverlay }

    /// Whether a text field has the keyboard beneath any overlay (the help describes that mode).
    public var isTypingIgnoringOverlay: Bool { PanelRouter.current(self).keys(self).typing }

    public func text(_ m: Message) -> String { m.text(language) }
}
