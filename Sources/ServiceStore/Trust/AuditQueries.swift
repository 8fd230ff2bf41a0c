import Foundation
import GRDB
import ServiceDomain

/// One audit row with a readable name of the record it touched (RO number, customer name, plate).
public struct AuditListEntry: Sendable, Equatable {
    public var entry: AuditEntry
    /// Empty when the record has no short name or no longer exists.
    public var subject: String
    /// `"owner_id=15"` → `"李娜"`: what the ids in the detail stand for (see `AuditNames`).
    public var names: [String: String] = [:]
}

extension AppDatabase {
    /// Newest first, at most `limit` rows with an id below `beforeID` (nil: from the newest).
    /// Paging by id keeps each page one index range scan however long the trail is.
    public func auditPage(filter: AuditQuery, beforeID: Int64?, limit: Int) throws -> [AuditListEntry] {
        try dbPool.read { db in try AuditQueries.page(db, filter: filter, beforeID: beforeID, limit: limit) }
    }
}

enum AuditQueries {
    static func page(_ db: Database, filter: AuditQuery, beforeID: Int64?, limit: Int) throws -> [AuditListEntry] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let beforeID {
            conditions.append("a.id < ?")
            arguments.append(beforeID)
        }
        if let ro = nonEmpty(filter.roNumber) {
            conditions.append(roCondition)
            arguments += roArguments(ro)
        }
        if let customer = nonEmpty(filter.customer) {
            conditions.append(customerCondition)
            arguments += customerArguments(customer)
        }
        if let person = nonEmpty(filter.person) {
            conditions.append(personCondition)
            arguments += personArguments(person)
        }
        if let text = nonEmpty(filter.text) {
            conditions.append("(\(roCondition) OR \(customerCondition) OR \(personCondition))")
            arguments += roArguments(text) + customerArguments(text) + personArguments(text)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT a.*, CASE a.entity
                WHEN 'repair_order' THEN (SELECT number FROM repair_order WHERE id = a.entity_id)
                WHEN 'customer' THEN (SELECT name FROM customer WHERE id = a.entity_id)
                WHEN 'vehicle' THEN (SELECT plate FROM vehicle WHERE id = a.entity_id)
                WHEN 'staff' THEN (SELECT name FROM staff WHERE id = a.entity_id)
                WHEN 'job' THEN (SELECT r.number FROM job j JOIN repair_order r ON r.id = j.repair_order_id
                                 WHERE j.id = a.entity_id)
                WHEN 'callback' THEN (SELECT r.number FROM callback c JOIN repair_order r ON r.id = c.repair_order_id
                                      WHERE c.id = a.entity_id)
                WHEN 'quality_check' THEN (SELECT r.number FROM quality_check q JOIN repair_order r ON r.id = q.repair_order_id
                                           WHERE q.id = a.entity_id)
                WHEN 'call_attempt' THEN (SELECT r.number FROM call_attempt t JOIN callback c ON c.id = t.callback_id
                                          JOIN repair_order r ON r.id = c.repair_order_id WHERE t.id = a.entity_id)
                WHEN 'delay_notice' THEN (SELECT r.number FROM delay_notice d JOIN repair_order r ON r.id = d.repair_order_id
                                          WHERE d.id = a.entity_id)
                ELSE NULL END AS subject
            FROM audit_log a \(whereClause)
            ORDER BY a.id DESC LIMIT ?
            """
        arguments.append(max(1, limit))
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        let listed = try rows.map { row in
            AuditListEntry(
                entry: AuditEntry(id: try row.decode(forColumn: "id"), at: try row.decode(forColumn: "at"),
                                  operatorID: try row.decode(forColumn: "operator_id"),
                                  operatorName: try row.decode(forColumn: "operator_name"),
                                  action: try row.decode(forColumn: "action"), entity: try row.decode(forColumn: "entity"),
                                  entityID: try row.decode(forColumn: "entity_id"), detail: try row.decode(forColumn: "detail")),
                subject: (try row.decode(forColumn: "subject") as String?) ?? "")
        }
        let names = try AuditNames.resolve(db, listed.map(\.entry))
        return zip(listed, names).map { entry, names in
            var e = entry
            e.names = names
            return e
        }
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// `%` and `_` typed by the user are matched literally.
    private static func likePattern(_ fragment: String) -> String {
        let escaped = fragment.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%\(escaped)%"
    }

    private static let roCondition = """
        (a.entity_id IN (SELECT id FROM repair_order WHERE number = ? COLLATE NOCASE) AND a.entity = 'repair_order'
         OR a.entity = 'job' AND a.entity_id IN (SELECT j.id FROM job j JOIN repair_order r ON r.id = j.repair_order_id
                                                 WHERE r.number = ? COLLATE NOCASE)
         OR a.entity = 'concern' AND a.entity_id IN (SELECT c.id FROM concern c JOIN repair_order r ON r.id = c.repair_order_id
                                                     WHERE r.number = ? COLLATE NOCASE)
         OR a.entity = 'callback' AND a.entity_id IN (SELECT c.id FROM callback c JOIN repair_order r ON r.id = c.repair_order_id
                                                      WHERE r.number = ? COLLATE NOCASE)
         OR a.entity = 'quality_check' AND a.entity_id IN (SELECT q.id FROM quality_check q JOIN repair_order r
                                                           ON r.id = q.repair_order_id WHERE r.number = ? COLLATE NOCASE)
         OR a.entity = 'delay_notice' AND a.entity_id IN (SELECT d.id FROM delay_notice d JOIN repair_order r
                                                          ON r.id = d.repair_order_id WHERE r.number = ? COLLATE NOCASE)
         OR a.entity = 'call_attempt' AND a.entity_id IN (SELECT t.id FROM call_attempt t JOIN callback c ON c.id = t.callback_id
                                                          JOIN repair_order r ON r.id = c.repair_order_id
                                                          WHERE r.number = ? COLLATE NOCASE))
        """

    private static func roArguments(_ number: String) -> [any DatabaseValueConvertible] {
        Array(repeating: number, count: 7)
    }

    private static let matchingCustomers = """
        SELECT id FROM customer WHERE name LIKE ? ESCAPE '\\'
        UNION SELECT customer_id FROM customer_phone WHERE phone LIKE ? ESCAPE '\\'
        """

    private static let customerCondition = """
        (a.entity = 'customer' AND a.entity_id IN (\(matchingCustomers))
         OR a.entity = 'vehicle' AND a.entity_id IN (SELECT id FROM vehicle WHERE owner_id IN (\(matchingCustomers)))
         OR a.entity = 'repair_order' AND a.entity_id IN (SELECT id FROM repair_order WHERE customer_id IN (\(matchingCustomers))))
        """

    private static func customerArguments(_ fragment: String) -> [any DatabaseValueConvertible] {
        let pattern = likePattern(fragment)
        return Array(repeating: pattern, count: 6)
    }

    private static let personCondition = """
        (a.operator_id IN (SELECT id FROM staff WHERE login = ? COLLATE NOCASE AND login <> '')
         OR a.operator_name LIKE ? ESCAPE '\\')
        """

    private static func personArguments(_ person: String) -> [any DatabaseValueConvertible] {
        [person, likePattern(person)]
    }
}
