import Foundation
import ServiceDomain

/// One thing wrong with an import file: where, which column, and why.
public struct ImportProblem: Sendable, Equatable {
    /// 1-based physical line in the file (the header is line 1); 0 for the file as a whole.
    public var line: Int
    /// The CSV column name (`plate`, `phones`, …), or empty for the whole row or file.
    public var column: String
    public var reason: Message
    /// The cell as the file has it (empty for a whole-row or file problem); sanitize before showing.
    public var value: String = ""

    public var message: Message {
        // An unknown column's name comes from the file: show it sanitized and clipped.
        let shown = CustomerCSVReader.echo(column)
        let zhColumn = column.isEmpty ? "" : "，\(shown)" + (Self.columnLabels[column].map { "（\($0.zh)）" } ?? "")
        let enColumn = column.isEmpty ? "" : ", \(shown)"
        if line == 0 {
            return Message(zh: "文件\(zhColumn)：\(reason.zh)", en: "File\(enColumn): \(reason.en)")
        }
        return Message(zh: "第\(line)行\(zhColumn)：\(reason.zh)", en: "Line \(line)\(enColumn): \(reason.en)")
    }

    static let columnLabels: [String: Message] = [
        "name": Field.name.label, "phones": Field.phone.label, "plate": Field.plate.label, "vin": Field.vin.label,
        "model": Field.model.label, "notes": Field.notes.label,
        "out_of_warranty": Message(zh: "过保客户", en: "Out-of-warranty owner"),
        "used_car": Message(zh: "二手车客户", en: "Used-car owner"),
        "purchase_date": Message(zh: "购车日期", en: "Purchase date"),
        "warranty_end_date": Message(zh: "保修截止日期", en: "Warranty end date"),
        "warranty_end_km": Message(zh: "保修截止里程", en: "Warranty end km"),
        "mileage": Message(zh: "里程", en: "Mileage"),
        "odometer_reason": Message(zh: "里程原因", en: "Odometer reason"),
        "customer_since": Message(zh: "建档日期", en: "Customer since"),
        "customer_type": Message(zh: "客户类型", en: "Customer type"),
    ]
}

/// An import that was refused as a whole: nothing was written.
public struct ImportError: UserFacingError, Equatable {
    /// Every problem found, in file order.
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) {
        self.problems = problems
    }

    public var message: Message {
        guard let first = problems.first?.message else {
            return Message(zh: "导入失败，未导入任何数据。", en: "Import failed; nothing was imported.")
        }
        let more = problems.count - 1
        let zhMore = more > 0 ? "（另有 \(more) 处问题）" : ""
        let enMore = more > 0 ? " (and \(more) more problem\(more == 1 ? "" : "s"))" : ""
        return Message(zh: "\(first.zh)\(zhMore)。未导入任何数据，请改正后重新导入。",
                       en: "\(first.en)\(enMore). Nothing was imported; correct the file and import it again.")
    }
}

/// What an import did.
public struct ImportReport: Sendable, Equatable {
    public var rows = 0
    public var customersCreated = 0
    /// Rows whose phone matched a customer already in the database (or earlier in the file).
    public var customersMatched = 0
    public var vehiclesCreated = 0
    public var vehiclesUpdated = 0
    /// Odometer readings taken from the `mileage` column.
    public var readingsAdded = 0
    /// Of those, readings below the car's last one, recorded as a replaced odometer with the row's reason.
    public var odometersReplaced = 0
    /// Things done differently from what the row says, e.g. a matched customer keeping their stored name.
    public var warnings: [ImportProblem] = []
}
