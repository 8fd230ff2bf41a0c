import Foundation
import ServiceDomain

/// One validated row of a customer/vehicle file.
struct ImportRow {
    var line: Int
    /// Validated; id nil.
    var customer: Customer
    /// Validated, with `ownerID` 0 until the customer is known; nil for a row without a plate.
    var vehicle: Vehicle?
}

/// Reads and validates a whole customer/vehicle file before anything is written.
struct CustomerCSVReader {
    var timeZone: TimeZone
    /// Days already parsed: a file repeats the same few thousand dates, and the calendar is slow.
    private let days = DayCache()

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    private final class DayCache {
        var dates: [String: Date] = [:]
    }

    func read(_ data: Data) throws -> [ImportRow] {
        var bytes = data
        if bytes.starts(with: CSVFormat.byteOrderMark) { bytes = bytes.dropFirst(CSVFormat.byteOrderMark.count) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw ImportError(problems: [ImportProblem(line: 0, column: "", reason: Message(
                zh: "文件不是 UTF-8 编码。请在表格软件中另存为“CSV UTF-8”后再导入",
                en: "The file is not UTF-8. Save it as \"CSV UTF-8\" in the spreadsheet program and import again"))])
        }
        let records: [CSVFormat.Record]
        do {
            records = try CSVFormat.parse(text)
        } catch CSVFormat.ParseError.unterminatedQuote(let line) {
            throw ImportError(problems: [ImportProblem(line: line, column: "", reason: Message(
                zh: "引号没有闭合（从这一行开始的引号直到文件末尾都没有结束）",
                en: "A quote opened on this line is never closed"))])
        } catch CSVFormat.ParseError.textAfterQuote(let line) {
            throw ImportError(problems: [ImportProblem(line: line, column: "", reason: Message(
                zh: "引号结束后、逗号之前还有文字；单元格内的引号应写成两个引号 \"\"",
                en: "Text follows a closing quote before the comma; a quote inside a cell is written as \"\""))])
        }
        guard let header = records.first else { return [] }
        let columns = try columnIndex(header)
        var rows: [ImportRow] = []
        var problems: [ImportProblem] = []
        for record in records.dropFirst() {
            if record.fields.count > header.fields.count {
                problems.append(ImportProblem(line: record.line, column: "", reason: Message(
                    zh: "这一行有 \(record.fields.count) 个单元格，表头只有 \(header.fields.count) 个（含逗号的内容要加引号）",
                    en: "This row has \(record.fields.count) cells but the header has \(header.fields.count) "
                        + "(quote cells that contain commas)")))
                continue
            }
            var check = RowCheck(line: record.line)
            if let row = validate(Cells(fields: record.fields, columns: columns), &check), check.problems.isEmpty {
                rows.append(row)
            }
            problems += check.problems
        }
        if !problems.isEmpty { throw ImportError(problems: problems) }
        return rows
    }

    private func columnIndex(_ header: CSVFormat.Record) throws -> [String: Int] {
        var index: [String: Int] = [:]
        var problems: [ImportProblem] = []
        for (position, raw) in header.fields.enumerated() {
            let name = CSVFormat.unguardFormula(raw).trimmingCharacters(in: .whitespaces).lowercased()
            if !CustomerCSV.header.contains(name) {
                problems.append(ImportProblem(line: header.line, column: name, reason: Message(
                    zh: "未知的列名，可用的列：\(CustomerCSV.header.joined(separator: ", "))",
                    en: "Unknown column; the columns are: \(CustomerCSV.header.joined(separator: ", "))")))
            } else if index[name] != nil {
                problems.append(ImportProblem(line: header.line, column: name, reason: Message(
                    zh: "列名重复", en: "This column appears twice")))
            } else {
                index[name] = position
            }
        }
        for required in ["name", "phones"] where index[required] == nil {
            problems.append(ImportProblem(line: header.line, column: required, reason: Message(
                zh: "缺少这一列（第一行应为列名，如 \(CustomerCSV.header.joined(separator: ",")))",
                en: "This column is missing (the first line holds the column names: "
                    + "\(CustomerCSV.header.joined(separator: ",")))")))
        }
        if !problems.isEmpty { throw ImportError(problems: problems) }
        return index
    }

    private struct Cells {
        var fields: [String]
        var columns: [String: Int]
        /// The cell's text with the export's formula guard removed; empty when the column is absent.
        subscript(_ column: String) -> String {
            guard let i = columns[column], i < fields.count else { return "" }
            return CSVFormat.unguardFormula(fields[i])
        }
    }

    /// Collects one problem per bad column of a row.
    private struct RowCheck {
        var line: Int
        var problems: [ImportProblem] = []

        mutating func attempt<T>(_ column: String, _ body: () throws -> T) -> T? {
            do {
                return try body()
            } catch let error as ValidationError {
                problems.append(ImportProblem(line: line, column: CustomerCSVReader.column(for: error.field,
                                                                                          fallback: column),
                                              reason: error.message))
            } catch let error as any UserFacingError {
                problems.append(ImportProblem(line: line, column: column, reason: error.message))
            } catch {
                problems.append(ImportProblem(line: line, column: column,
                                              reason: Message(zh: "\(error)", en: "\(error)")))
            }
            return nil
        }
    }

    /// Checks every field of a row; returns the row only when all of it is valid.
    private func validate(_ cells: Cells, _ check: inout RowCheck) -> ImportRow? {
        let phones = cells["phones"].split(whereSeparator: { $0 == ";" || $0 == "；" }).map(String.init)
        let name = check.attempt("name") { try PersonName.validate(cells["name"]) }
        for phone in phones { _ = check.attempt("phones") { try PhoneNumber.validate(phone) } }
        let outOfWarranty = check.attempt("out_of_warranty") { try Self.flag(cells["out_of_warranty"]) }
        let usedCar = check.attempt("used_car") { try Self.flag(cells["used_car"]) }
        _ = check.attempt("notes") {
            try FreeText.clean(cells["notes"], field: .notes, maxLength: CustomerRules.notesMaxLength)
        }
        let vehicle = validateVehicle(cells, &check)
        guard check.problems.isEmpty, let name, let outOfWarranty, let usedCar, let vehicle else { return nil }
        // The whole-record rules (at least one phone, duplicates removed) on top of the per-field checks.
        let customer = check.attempt("phones") {
            try CustomerRules.validated(Customer(name: name, phones: phones, isOutOfWarrantyOwner: outOfWarranty,
                                                 isUsedCarOwner: usedCar, notes: cells["notes"]))
        }
        guard let customer else { return nil }
        return ImportRow(line: check.line, customer: customer, vehicle: vehicle.value)
    }

    /// A vehicle (or `.none` for a row without a plate), or nil when a vehicle column is wrong.
    private func validateVehicle(_ cells: Cells, _ check: inout RowCheck) -> VehicleCells? {
        let plateText = cells["plate"]
        let others = ["vin", "model", "purchase_date", "warranty_end_date", "warranty_end_km"]
        if FreeText.sanitize(plateText).isEmpty {
            if let filled = others.first(where: { !FreeText.sanitize(cells[$0]).isEmpty }) {
                check.problems.append(ImportProblem(line: check.line, column: "plate", reason: Message(
                    zh: "填写了车辆信息（\(filled)）却没有车牌号；请填写车牌号或清空车辆各列",
                    en: "Vehicle details (\(filled)) are filled in but the plate is empty; "
                        + "enter the plate or clear the vehicle columns")))
                return nil
            }
            return VehicleCells(value: nil)
        }
        let before = check.problems.count
        let plate = check.attempt("plate") { try Plate.validate(plateText) }
        let vinText = cells["vin"]
        let vin = VIN.normalize(vinText).isEmpty ? String?.none : check.attempt("vin") { try VIN.validate(vinText) }
        let model = check.attempt("model") {
            try FreeText.clean(cells["model"], field: .model, maxLength: VehicleRules.modelMaxLength, required: true)
        }
        let purchase = check.attempt("purchase_date") { try day(cells["purchase_date"]) }
        let warrantyEnd = check.attempt("warranty_end_date") { try day(cells["warranty_end_date"]) }
        let km = check.attempt("warranty_end_km") { try Self.kilometres(cells["warranty_end_km"]) }
        guard check.problems.count == before, let plate, let model, let purchase, let warrantyEnd, let km else {
            return nil
        }
        let vehicle = check.attempt("warranty_end_date") {
            try VehicleRules.validated(Vehicle(ownerID: 0, vin: vin, plate: plate, model: model,
                                               purchaseDate: purchase, warrantyEndDate: warrantyEnd,
                                               warrantyEndKm: km))
        }
        return vehicle.map { VehicleCells(value: $0) }
    }

    private struct VehicleCells {
        var value: Vehicle?
    }

    static func column(for field: Field, fallback: String) -> String {
        switch field {
        case .name: "name"
        case .phone: "phones"
        case .notes: "notes"
        case .plate: "plate"
        case .vin: "vin"
        case .model: "model"
        case .mileage: "warranty_end_km"
        case .date: "warranty_end_date"
        default: fallback
        }
    }

    /// A cell quoted back in a message: sanitized and clipped, so a huge or hostile cell cannot flood
    /// the status line or reach the terminal.
    static func echo(_ text: String) -> String {
        let clean = FreeText.sanitize(text)
        return clean.count <= 40 ? clean : String(clean.prefix(39)) + "…"
    }

    /// `1/0`, `yes/no`, `true/false`, `y/n`, `是/否`; empty means no.
    static func flag(_ text: String) throws -> Bool {
        switch FreeText.sanitize(text).lowercased() {
        case "", "0", "no", "n", "false", "否": return false
        case "1", "yes", "y", "true", "是": return true
        default:
            throw ValidationError(field: .other, message: Message(
                zh: "应填 1 或 0（是/否），现在是“\(echo(text))”",
                en: "Use 1 or 0 (yes/no), not \"\(echo(text))\""))
        }
    }

    /// Optional `yyyy-MM-dd`, midnight in the shop's time zone.
    func day(_ text: String) throws -> Date? {
        let clean = FreeText.sanitize(text)
        if clean.isEmpty { return nil }
        if let date = days.dates[clean] { return date }
        guard let date = StoreTime.parseDay(clean, timeZone: timeZone) else {
            throw ValidationError(field: .date, message: Message(
                zh: "日期应写成 年-月-日，例如 2024-03-15，现在是“\(Self.echo(clean))”",
                en: "Write the date as yyyy-MM-dd, e.g. 2024-03-15, not \"\(Self.echo(clean))\""))
        }
        days.dates[clean] = date
        return date
    }

    /// Optional whole kilometres; thousands separators allowed.
    static func kilometres(_ text: String) throws -> Int? {
        var clean = FreeText.sanitize(text)
        if clean.contains(",") { clean = clean.replacingOccurrences(of: ",", with: "") }
        if clean.isEmpty { return nil }
        guard let km = Int(clean), km >= 0 else {
            throw ValidationError(field: .mileage, message: Message(
                zh: "保修截止里程应为整数公里，例如 100000，现在是“\(echo(clean))”",
                en: "Warranty end km must be a whole number, e.g. 100000, not \"\(echo(clean))\""))
        }
        return km
    }
}
