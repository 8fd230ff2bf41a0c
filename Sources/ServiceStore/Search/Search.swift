import Foundation
import GRDB
import ServiceDomain

/// What the clerk typed, turned into the forms the indexes hold. Public so the benchmark's `sqlite3`
/// baseline shapes the text exactly as the store does.
public struct SearchQuery: Equatable, Sendable {
    /// Sanitized and trimmed, as typed (for names).
    public var text: String
    /// Normalized plate/VIN form of the text (upper case, no dots or spaces).
    public var key: String
    /// Digits only, when the text looks like (part of) a phone number.
    public var digits: String?
    /// The distinct strings to look for.
    public var terms: [String]

    /// Terms the trigram index answers: three code points or more (SQLite counts code points, not the
    /// characters a person sees, so a two-character term with a combining mark is one of these).
    public var fullTextTerms: [String] { terms.filter { $0.unicodeScalars.count >= 3 } }

    /// The shorter terms, lower-cased as the short-piece index holds them.
    public var shortGrams: [String] {
        Array(Set(terms.filter { $0.unicodeScalars.count < 3 }.map(ShortSearchSchema.lowered))).sorted()
    }

    /// The FTS5 expression for `fullTextTerms`: each an FTS5 string literal (quotes doubled), so user
    /// text never becomes FTS syntax.
    public var match: String {
        fullTextTerms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
    }

    /// How many matching documents are ranked for a page of `limit` (-1: all). A fragment with Latin
    /// letters or digits ("138", the start of most mobile numbers; "粤A1") can match a large share of the
    /// shop, and ranking every match grows with it: the first `max(1,000, 5 × limit)` are ranked. Exact
    /// plates, phones and VINs are long enough to match few documents, so they are never cut off. Text
    /// in Chinese characters only may be part of a name, whose exact or prefix match must never be cut
    /// off, and matches few documents: all are ranked.
    public func scanLimit(_ limit: Int) -> Int {
        text.unicodeScalars.contains { ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }
            ? max(1_000, limit * 5) : -1
    }

    public init(_ raw: String) {
        text = FreeText.sanitize(raw)
        let phoneMarks: Set<Character> = ["-", "+", "(", ")", ".", " ", "（", "）"]
        let folded = PhoneNumber.digits(text)
        let isPhoneLike = !folded.isEmpty
            && text.allSatisfy { $0.isWholeNumber || phoneMarks.contains($0) || $0.isWhitespace }
        if isPhoneLike {
            digits = folded
            key = folded
            terms = [folded]
        } else {
            digits = nil
            key = Plate.searchKey(text)
            terms = [text]
            if !key.isEmpty && key.lowercased() != text.lowercased() { terms.append(key) }
        }
    }
}

extension AppDatabase {
    /// Finds customers by name, phone, plate or VIN (or any part of them). Three characters or more use
    /// the trigram index; one or two characters use the short-piece index of names and plates (Chinese
    /// names are often two characters). Ranked: exact plate, phone or VIN first, then exact name, then
    /// names starting with the text, then the rest (by name). At most `limit` customers.
    public func search(_ query: String, limit: Int = 50) throws -> [SearchHit] {
        let q = SearchQuery(query)
        guard limit > 0, !q.terms.isEmpty, !q.text.isEmpty else { return [] }
        return try dbPool.read { db in
            var ranked: [RankedCustomer] = []
            if !q.fullTextTerms.isEmpty { ranked += try fullTextCandidates(db, q, limit: limit) }
            for gram in q.shortGrams { ranked += try shortCandidates(db, gram: gram, limit: limit) }
            var best: [RowID: RankedCustomer] = [:]
            for candidate in ranked where best[candidate.id].map({ candidate.rank < $0.rank }) ?? true {
                best[candidate.id] = candidate
            }
            let chosen = best.values.sorted().prefix(limit).map(\.id)
            return try loadHits(db, customerIDs: Array(chosen), query: q)
        }
    }

    private func fullTextCandidates(_ db: Database, _ q: SearchQuery, limit: Int) throws -> [RankedCustomer] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: Self.fullTextQuery), arguments: [
            "key": q.key, "digits": q.digits, "text": q.text, "match": q.match, "limit": limit,
            "scan": q.scanLimit(limit)])
        return rows.map { RankedCustomer(id: $0["customer_id"], rank: $0["rank"], name: $0["name"]) }
    }

    /// The full-text candidates, best first; only the first `:scan` matching documents are ranked
    /// (`SearchQuery.scanLimit`): a fragment that common only fills the page, and one more character
    /// narrows it.
    public static let fullTextQuery = """
        SELECT customer_id, MIN(CASE
                WHEN plate = :key OR vin = :key
                     OR instr(' ' || phones || ' ', ' ' || :digits || ' ') > 0 THEN 0
                WHEN lower(name) = lower(:text) THEN 1
                WHEN substr(lower(name), 1, length(:text)) = lower(:text) THEN 2
                ELSE 3 END) AS rank,
               MIN(name) AS name
        FROM (SELECT customer_id, name, phones, plate, vin FROM search_index
              WHERE search_index MATCH :match LIMIT :scan)
        GROUP BY customer_id
        ORDER BY rank, name, customer_id
        LIMIT :limit
        """


    /// One or two characters: the short-piece index (`ShortSearchSchema`), read in result order.
    private func shortCandidates(_ db: Database, gram: String, limit: Int) throws -> [RankedCustomer] {
        try Row.fetchAll(db.cachedStatement(sql: ShortSearchSchema.query), arguments: ["gram": gram, "limit": limit]).map {
            RankedCustomer(id: $0["customer_id"], rank: $0["rank"], name: $0["name"])
        }
    }

    private func loadHits(_ db: Database, customerIDs: [RowID], query q: SearchQuery) throws -> [SearchHit] {
        guard !customerIDs.isEmpty else { return [] }
        // Read through cursors by column index: copying each row into a `Row` cost more than the query.
        let ids: StatementArguments = [IDList.json(customerIDs)]
        var names: [RowID: (name: String, outOfWarranty: Bool, usedCar: Bool)] = [:]
        let nameRows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, name, is_out_of_warranty_owner, is_used_car_owner FROM customer
            WHERE id IN (SELECT value FROM json_each(?))
            """), arguments: ids)
        while let row = try nameRows.next() { names[row[0]] = (row[1], row[2], row[3]) }
        let phones = try CustomerPhones.loadAll(db, customerIDs: customerIDs)
        var byOwner: [RowID: [VehicleSummary]] = [:]
        var warrantyEnds: [RowID: [CalendarDate?]] = [:]
        let vehicleRows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT id, owner_id, plate, model, vin, warranty_end_date FROM vehicle
            WHERE owner_id IN (SELECT value FROM json_each(?)) ORDER BY id
            """), arguments: ids)
        while let row = try vehicleRows.next() {
            byOwner[row[1], default: []].append(VehicleSummary(id: row[0], plate: row[2], model: row[3], vin: row[4]))
            warrantyEnds[row[1], default: []].append(row[5])
        }
        let today = CalendarDate(Date(), in: timeZone)
        let upperTerms = q.terms.map { $0.uppercased() }
        func relevance(_ v: VehicleSummary) -> Int {
            if v.plate == q.key || v.vin == q.key { return 0 }
            if upperTerms.contains(where: { v.plate.contains($0) || (v.vin ?? "").contains($0) }) { return 1 }
            return 2
        }
        return customerIDs.compactMap { id in
            guard let customer = names[id] else { return nil }
            let own = (byOwner[id] ?? []).enumerated().sorted { a, b in
                (relevance(a.element), a.offset) < (relevance(b.element), b.offset)
            }.map(\.element)
            return SearchHit(customerID: id, name: customer.name, phones: phones[id] ?? [],
                             isOutOfWarrantyOwner: WarrantyRules.isOutOfWarrantyOwner(
                                 marked: customer.outOfWarranty, warrantyEnds: warrantyEnds[id] ?? [], today: today),
                             isUsedCarOwner: customer.usedCar, vehicles: own)
        }
    }
}

struct RankedCustomer: Comparable {
    var id: RowID
    var rank: Int
    var name: String

    static func < (a: RankedCustomer, b: RankedCustomer) -> Bool {
        (a.rank, a.name, a.id) < (b.rank, b.name, b.id)
    }
}
