import Foundation
import ScreenKit
import ServiceDomain

/// One field of an audit row: `old` is nil for values written by an insert.
public struct AuditChange: Sendable, Equatable {
    public var field: String
    public var old: String?
    public var new: String

    public init(field: String, old: String?, new: String) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// One audit row as the panel shows it (phones already masked in `changes`).
public struct AuditRow: Sendable, Equatable {
    public var id: Int64
    public var at: Date
    public var person: String
    public var action: String
    public var entity: String
    public var entityID: Int64?
    /// RO number, customer name or plate of the record; empty when unknown.
    public var subject: String
    public var changes: [AuditChange]

    public init(id: Int64, at: Date, person: String, action: String, entity: String, entityID: Int64?, subject: String,
                changes: [AuditChange]) {
        self.id = id
        self.at = at
        self.person = person
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.subject = subject
        self.changes = changes
    }
}

/// State of the audit overlay, kept in `AppState.audit`.
public struct AuditState: Sendable, Equatable {
    public var filter = TextInputState(maxLength: 80)
    /// The query the shown rows answer (the filter line may have been edited since).
    public var query = AuditQuery()
    public var rows: [AuditRow] = []
    public var table = TableState()
    /// The last page was full: scrolling near the end loads the next one.
    public var hasMore = false
    public var loading = false
    /// The operator may not see the trail: the message names the role needed.
    public var refusal: Message?
    public var error: Message?
    /// Enter on a row: the changed fields of the selected row are shown.
    public var showsDetail = false

    public init() {}

    public var selectedRow: AuditRow? {
        rows.indices.contains(table.selected) ? rows[table.selected] : nil
    }
}

/// What happened in the audit overlay (store answers come back as these).
public enum AuditEvent: Sendable, Equatable {
    /// A page for `query`; `replacing` is true for the first page (or a reload), false for a next page.
    case loaded(query: AuditQuery, rows: [AuditRow], replacing: Bool, hasMore: Bool)
    case refused(Message)
    case failed(Message)
}

/// Work the audit overlay asks of the store; the runtime performs it (ConsoleApp/AuditEffects.swift).
public enum AuditRequest: Sendable, Equatable {
    /// Rows older than `beforeID` (nil: the newest), at most `limit`.
    case load(AuditQuery, beforeID: Int64?, limit: Int)
}
