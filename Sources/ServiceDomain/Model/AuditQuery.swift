import Foundation

/// What the audit trail is narrowed to: parsed from the panel's filter line (`parse`), answered by the
/// store (`AppDatabase.auditPage`). Every set field must match (AND); `text` matches any of RO number,
/// customer and person (OR), for words typed without a prefix.
public struct AuditQuery: Sendable, Equatable {
    /// A repair order number (exact, case-insensitive): the RO's own rows and its jobs, concerns, callbacks.
    public var roNumber: String?
    /// A fragment of a customer's name or phone: the customer's rows, their vehicles' and their ROs'.
    public var customer: String?
    /// A staff login (exact) or a fragment of the name written in the row.
    public var person: String?
    /// Free text: any of the three above.
    public var text: String?

    public init(roNumber: String? = nil, customer: String? = nil, person: String? = nil, text: String? = nil) {
        self.roNumber = roNumber
        self.customer = customer
        self.person = person
        self.text = text
    }

    public var isEmpty: Bool { roNumber == nil && customer == nil && person == nil && text == nil }

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
