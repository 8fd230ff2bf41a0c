import Foundation
import GRDB
import ServiceDomain

/// What a catalogue import did.
public struct LabourCatalogueImport: Sendable, Equatable {
    public var added: Int
    public var updated: Int
    public var unchanged: Int
}

/// A catalogue file refused as a whole: every problem with its line, nothing saved.
public struct LabourCatalogueError: UserFacingError, Equatable {
    public let problems: [Message]
    public var message: Message {
        Message(zh: "工时目录未导入（没有保存任何一行）：\n" + problems.map(\.zh).joined(separator: "\n"),
                en: "The labour catalogue was not imported (no row saved):\n" + problems.map(\.en).joined(separator: "\n"))
    }
}

extension AppDatabase {
    /// The setting holding a labour type's hourly rate, in fen.
    public static func labourRateKey(_ labourType: String) -> String { "settle.rate.\(labourType)" }

    /// Reads the shop's labour catalogue CSV (`code,name,labour_type,standard_hours`, or the Chinese headers
    /// 代码,名称,工种,标准工时) and adds or updates each operation by code. Every row is checked first: one
    /// bad row refuses the file with every problem named by line. Operations missing from the file stay.
    @discardableResult
    public func importLabourCatalogue(csv text: String, operator op: Operator, now: Date) throws -> LabourCatalogueImport {
        let operations = try Self.parseLabourCatalogue(text)
        return try write { db in
            try SettlementAccess.require(db, .changeSettings, op)
            var result = LabourCatalogueImport(added: 0, updated: 0, unchanged: 0)
            for o in operations {
                let old = try Row.fetchOne(db, sql: "SELECT * FROM labour_operation WHERE code = ?", arguments: [o.code])
                if let old {
                    if old["name"] == o.name && old["labour_type"] == o.labourType
                        && old["standard_hundredths"] == o.standardHundredths {
                        result.unchanged += 1
                        continue
                    }
                    try db.execute(sql: """
                        UPDATE labour_operation SET name = ?, labour_type = ?, standard_hundredths = ?, version = version + 1
                        WHERE code = ?
                        """, arguments: [o.name, o.labourType, o.standardHundredths, o.code])
                    result.updated += 1
                } else {
                    try db.execute(sql: """
                        INSERT INTO labour_operation (code, name, labour_type, standard_hundredths) VALUES (?, ?, ?, ?)
                        """, arguments: [o.code, o.name, o.labourType, o.standardHundredths])
                    result.added += 1
                }
            }
            try Audit.append(db, operator: op, at: now, action: "labourCatalogueImport", entity: "labour_operation",
                             entityID: nil, detail: ["added": .int(Int64(result.added)), "updated": .int(Int64(result.updated)),
                                                     "unchanged": .int(Int64(result.unchanged))])
            return result
        }
    }

    static func parseLabourCatalogue(_ text: String) throws -> [LabourOperation] {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let records: [CSVFormat.Record]
        do { records = try CSVFormat.parse(body) } catch {
            throw LabourCatalogueError(problems: [Message(zh: "不是有效的 CSV 文件（引号未闭合）", en: "Not a valid CSV file (an unclosed quote)")])
        }
        guard let header = records.first else {
            throw LabourCatalogueError(problems: [Message(zh: "文件是空的", en: "The file is empty")])
        }
        let names: [String: [String]] = ["code": ["code", "代码"], "name": ["name", "名称"],
                                         "labour_type": ["labour_type", "工种"], "standard_hours": ["standard_hours", "标准工时"]]
        var index: [String: Int] = [:]
        for (i, cell) in header.fields.enumerated() {
            let key = cell.trimmingCharacters(in: .whitespaces).lowercased()
            if let column = names.first(where: { $0.value.contains(key) })?.key { index[column] = i }
        }
        let missing = ["code", "name", "standard_hours"].filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw LabourCatalogueError(problems: [Message(
                zh: "第 1 行缺少列：\(missing.joined(separator: "、"))（需要 code,name,labour_type,standard_hours）",
                en: "Line 1 lacks the column(s) \(missing.joined(separator: ", ")) (needed: code,name,labour_type,standard_hours)")])
        }
        var problems: [Message] = []
        var seen: [String: Int] = [:]
        var result: [LabourOperation] = []
        for record in records.dropFirst() {
            func cell(_ column: String) -> String {
                guard let i = index[column], i < record.fields.count else { return "" }
                return FreeText.sanitize(CSVFormat.unguardFormula(record.fields[i])).trimmingCharacters(in: .whitespaces)
            }
            let line = record.line
            let code = cell("code"), name = cell("name"), type = cell("labour_type"), hours = cell("standard_hours")
            if code.isEmpty || code.count > 20 {
                problems.append(Message(zh: "第 \(line) 行：代码为空或超过 20 个字符", en: "Line \(line): the code is empty or longer than 20 characters"))
                continue
            }
            if let first = seen[code] {
                problems.append(Message(zh: "第 \(line) 行：代码 \(code) 与第 \(first) 行重复", en: "Line \(line): the code \(code) repeats line \(first)"))
                continue
            }
            seen[code] = line
            if name.isEmpty || name.count > 60 {
                problems.append(Message(zh: "第 \(line) 行：名称为空或超过 60 个字符", en: "Line \(line): the name is empty or longer than 60 characters"))
                continue
            }
            guard let h = Hundredths.parse(hours), h <= 20_000 else {
                problems.append(Message(zh: "第 \(line) 行：标准工时“\(hours)”应为 0 到 200 之间的数字，最多两位小数",
                                        en: "Line \(line): the standard hours \"\(hours)\" must be a number from 0 to 200 with at most two decimals"))
                continue
            }
            result.append(LabourOperation(code: code, name: name, labourType: String(type.prefix(20)), standardHundredths: h))
        }
        guard problems.isEmpty else { throw LabourCatalogueError(problems: problems) }
        return result
    }

    public func labourCatalogue() throws -> [LabourOperation] {
        try dbPool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM labour_operation ORDER BY code").map {
                LabourOperation(code: $0["code"], name: $0["name"], labourType: $0["labour_type"],
                                standardHundredths: $0["standard_hundredths"])
            }
        }
    }

    /// Sets the hourly rate of a labour type (admins: a shop setting), audited.
    public func setLabourRate(labourType: String, rate: Fen, operator op: Operator, now: Date) throws {
        let type = try FreeText.clean(labourType, field: .other, maxLength: 20, required: true)
        guard rate >= .zero, rate <= YuanInput.maximum else {
            throw SettlementError(Message(zh: "工时单价应在 ¥0 到 ¥10,000,000 之间", en: "A labour rate must be between ¥0 and ¥10,000,000"))
        }
        try write { db in
            try SettlementAccess.require(db, .changeSettings, op)
            let key = Self.labourRateKey(type)
            let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
            try db.execute(sql: """
                INSERT INTO setting (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = version + 1
                """, arguments: [key, String(rate.value)])
            try Audit.append(db, operator: op, at: now, action: "setting", entity: "setting", entityID: nil,
                             detail: [key: .change(old: old?.databaseValue ?? .null, new: String(rate.value).databaseValue)])
        }
    }

    static func labourRate(_ db: Database, labourType: String) throws -> Fen? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [labourRateKey(labourType)])
            .flatMap { Int64($0) }.map(Fen.init)
    }

    /// The per-role discount limits: the standard ones, each replaceable by its setting (a percentage).
    static func discountLimits(_ db: Database) throws -> DiscountLimits {
        var limits = DiscountLimits.standard
        for role in Role.allCases {
            if let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?",
                                              arguments: [DiscountLimits.settingKey(role)]),
               let hundredths = Hundredths.parse(text), hundredths <= 10_000 {
                limits.basisPoints[role] = hundredths
            }
        }
        return limits
    }
}
