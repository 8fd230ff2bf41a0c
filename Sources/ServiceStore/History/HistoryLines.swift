import Foundation
import ServiceDomain

/// One line of the optional lines file: labour or a part of an imported order, mapped onto the order's
/// work lines (`Job`: a labour line's amount is labour with its hours, a part's is parts, its part number
/// and quantity in the description).
struct HistoryLine: Sendable {
    enum Kind { case labour, part }
    var line: Int
    var externalNumber: String
    var kind: Kind
    var description: String
    var hours: Double
    var partNumber: String
    var quantity: Double
    var amount: Fen

    var job: Job {
        let quantityText = quantity == quantity.rounded() ? String(Int(quantity)) : String(quantity)
        let text = kind == .labour ? description
            : [description, partNumber.isEmpty ? "" : "[\(partNumber)]", quantity == 1 ? "" : "×\(quantityText)"]
                .filter { !$0.isEmpty }.joined(separator: " ")
        return Job(repairOrderID: 0, description: String(text.prefix(200)), status: .done,
                   labour: kind == .labour ? amount : .zero, parts: kind == .part ? amount : .zero,
                   labourHours: kind == .labour ? hours : 0)
    }
}

struct HistoryLinesReader {
    let url: URL
    let encoding: ImportEncoding?

    /// Calls `body` with each valid line; returns every problem, in file order.
    func forEachLine(_ body: (HistoryLine) throws -> Void) throws -> [ImportProblem] {
        var stream = CSVFileStream(url: url, encoding: encoding)
        var columns: [String: Int]?
        var problems: [ImportProblem] = []
        do {
            try stream.forEachRecord { record in
                guard let index = columns else {
                    columns = try CustomerCSVReader.columnIndex(
                        record, known: HistoryCSV.lineColumns, chineseNames: "工单号, 类型, 项目, 工时, 配件号, 数量, 金额",
                        required: ["ro_number", "kind", "amount"], example: HistoryCSV.lineColumns,
                        canonical: { HistoryCSV.canonical($0, known: HistoryCSV.lineColumns) })
                    return
                }
                var check = CustomerCSVReader.RowCheck(line: record.line,
                                                       cells: CustomerCSVReader.Cells(fields: record.fields, columns: index))
                let cells = check.cells
                let number = check.attempt("ro_number") {
                    try FreeText.clean(cells["ro_number"], field: .other, maxLength: 40, required: true)
                }
                let kind = check.attempt("kind") { () throws -> HistoryLine.Kind in
                    switch FreeText.sanitize(cells["kind"]).lowercased() {
                    case "labour", "labor", "工时", "人工", "工时费": return .labour
                    case "part", "parts", "配件", "材料", "零件", "材料费": return .part
                    default:
                        throw ValidationError(field: .other, message: Message(
                            zh: "类型应为 工时 或 配件（labour、part）", en: "Kind is labour or part (工时, 配件)"))
                    }
                }
                let description = check.attempt("description") {
                    try FreeText.clean(cells["description"], field: .other, maxLength: 200)
                }
                let hours = check.attempt("hours") { try Self.number(cells["hours"], default: 0) }
                let partNumber = check.attempt("part_number") { try FreeText.clean(cells["part_number"], field: .other, maxLength: 40) }
                let quantity = check.attempt("quantity") { try Self.number(cells["quantity"], default: 1) }
                let amount = check.attempt("amount") { try HistoryCSV.yuan(cells["amount"]) }
                problems += check.problems
                guard check.problems.isEmpty, let number, let kind, let description, let hours, let partNumber, let quantity,
                      let amount else { return }
                try body(HistoryLine(line: record.line, externalNumber: number, kind: kind,
                                     description: description.isEmpty ? (kind == .labour ? "工时" : "配件") : description,
                                     hours: hours, partNumber: partNumber, quantity: quantity, amount: amount))
            }
        } catch let error as CSVFormat.ParseError {
            throw CustomerCSVReader.importError(error)
        }
        return problems
    }

    private static func number(_ text: String, default value: Double) throws -> Double {
        let clean = FreeText.sanitize(text)
        if clean.isEmpty { return value }
        guard let number = Double(clean), number >= 0, number < 100_000 else {
            throw ValidationError(field: .other, message: Message(
                zh: "应为不小于 0 的数，例如 1.5，现在是“\(CustomerCSVReader.echo(clean))”",
                en: "Use a number of 0 or more, e.g. 1.5, not \"\(CustomerCSVReader.echo(clean))\""))
        }
        return number
    }
}
