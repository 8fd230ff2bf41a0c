import Foundation
import ScreenKit
import ServiceDomain

/// What the filter line asks for, parsed from what was typed (see `AuditQuery.parse`).
public struct AuditQuery: Sendable, Equatable {
    public var roNumber: String?
    public var customer: String?
    public var person: String?
    /// Words typed without a prefix: matched against RO number, customer and person.
    public var text: String?

    public init(roNumber: String? = nil, customer: String? = nil, person: String? = nil, text: String? = nil) {
        self.roNumber = roNumber
        self.customer = customer
        self.person = person
        self.text = text
    }

    /// `ro:RO-20261122-0003`, `customer:王芳` (or `cust:`, `客户:`, a phone fragment), `person:lina`
    /// (or `by:`, `人:`); anything else is free text. A bare word that looks like an RO number is one.
    /// Full-width colons are accepted, since Chinese input methods type them.
    public static func parse(_ typed: String) -> AuditQuery {
        var query = AuditQuery()
        var free: [String] = []
        for word in typed.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init) {
            let normalized = word.replacingOccurrences(of: "：", with: ":")
            guard let colon = normalized.firstIndex(of: ":") else {
                if normalized.uppercased().hasPrefix("RO-") { query.roNumber = normalized } else { free.append(normalized) }
                continue
            }
            let key = normalized[..<colon].lowercased()
            let value = String(normalized[normalized.index(after: colon)...])
            guard !value.isEmpty else { continue }
            switch key {
            case "ro", "工单": query.roNumber = value
            case "customer", "cust", "客户": query.customer = value
            case "person", "by", "staff", "人", "员工": query.person = value
            default: free.append(normalized)
            }
        }
        query.text = free.isEmpty ? nil : free.joined(separator: " ")
        return query
    }
}

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
