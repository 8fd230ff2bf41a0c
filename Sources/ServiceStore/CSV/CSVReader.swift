import Foundation
import ServiceDomain

/// One validated row of a customer/vehicle file.
struct ImportRow {
    var line: Int
    /// Validated; id nil.
    var customer: Customer
    /// Validated, with `ownerID` 0 until the customer is known; nil for a row without a plate.
    var vehicle: Vehicle?
    /// The `mileage` column: the car's odometer reading as the old system had it (its first here).
    var mileage: Int? = nil
    /// The `odometer_reason` column (cleaned): why `mileage` may be below the car's last reading.
    var odometerReason: String = ""
}

/// Reads and validates a whole customer/vehicle file before anything is written.
struct CustomerCSVReader {
    /// The shop's today: purchase dates after it cannot be true.
    var today: CalendarDate
    /// nil: detected from the bytes (UTF-8, else GB18030).
    var encoding: ImportEncoding?
    /// Days already parsed: a file repeats the same few thousand dates.
    private let days = DayCache()

    init(today: CalendarDate, encoding: ImportEncoding? = nil) {
        self.today = today
        self.encoding = encoding
    }

    private final class DayCache {
        var dates: [String: CalendarDate] = [:]
    }

    func read(_ data: Data) throws -> [ImportRow] {
        let text = try CSVDecoding.decode(data, forced: encoding).text
        return try read { emit in
            for record in try CSVFormat.parse(text) { try emit(record) }
        }
    }

    /// The file read record by record (`CSVFileStream`): neither its bytes, its text nor its records are
    /// held whole, only the validated rows.
    func read(url: URL) throws -> [ImportRow] {
        var stream = CSVFileStream(url: url, encoding: encoding)
        return try read { emit in try stream.forEachRecord(emit) }
    }

    /// The header, then every row validated as it comes from `records`.
    private func read(_ records: ((CSVFormat.Record) throws -> Void) throws -> Void) throws -> [ImportRow] {
        var header: CSVFormat.Record?
        var columns: [String: Int] = [:]
        var rows: [ImportRow] = []
        var problems: [ImportProblem] = []
        var seenRows = false
        do {
            try records { record in
                guard let header else {
                    columns = try columnIndex(record)
                    header = record
                    return
                }
                seenRows = true
                if record.fields.count > header.fields.count {
                    problems.append(ImportProblem(line: record.line, column: "", reason: Message(
                        zh: "这一行有 \(record.fields.count) 个单元格，表头只有 \(header.fields.count) 个（含逗号的内容要加引号）",
                        en: "This row has \(record.fields.count) cells but the header has \(header.fields.count) "
                            + "(quote cells that contain commas)")))
                    return
                }
                var check = RowCheck(line: record.line, cells: Cells(fields: record.fields, columns: columns))
                if let row = validate(&check), check.problems.isEmpty {
                    rows.append(row)
                }
                problems += check.problems
            }
        } catch let error as CSVFormat.ParseError {
            throw Self.importError(error)
        }
        guard header != nil else {
            throw ImportError(problems: [ImportProblem(line: 0, column: "", reason: Message(
                zh: "文件是空的，没有表头也没有数据行", en: "The file is empty: no header and no rows"))])
        }
        guard seenRows else {
            throw ImportError(problems: [ImportProblem(line: 0, column: "", reason: Message(
                zh: "文件只有表头，没有数据行", en: "The file holds only the header line, no rows"))])
        }
        if !problems.isEmpty { throw ImportError(problems: problems) }
        return rows
    }

    private func columnIndex(_ header: CSVFormat.Record) throws -> [String: Int] {
        try Self.columnIndex(header, known: CustomerCSV.header + CustomerCSV.importOnly,
                             chineseNames: CustomerCSV.chineseNames, required: ["name", "phones"],
                             example: CustomerCSV.header, canonical: CustomerCSV.canonicalColumn)
    }

    /// A malformed file (a quote never closed, text after a closing quote) as the problem of its line.
    static func importError(_ error: CSVFormat.ParseError) -> ImportError {
        switch error {
        case .unterminatedQuote(let line):
            ImportError(problems: [ImportProblem(line: line, column: "", reason: Message(
                zh: "引号没有闭合（从这一行开始的引号直到文件末尾都没有结束）",
                en: "A quote opened on this line is never closed"))])
        case .textAfterQuote(let line):
            ImportError(problems: [ImportProblem(line: line, column: "", reason: Message(
                zh: "引号结束后、逗号之前还有文字；单元格内的引号应写成两个引号 \"\"",
                en: "Text follows a closing quote before the comma; a quote inside a cell is written as \"\""))])
        }
    }

    /// The position of each known column in a header line, whatever their order; an empty, unknown or
    /// repeated header cell and a missing `required` column are problems of the header line.
    static func columnIndex(_ header: CSVFormat.Record, known columns: [String], chineseNames: String,
                            required: [String], example: [String],
                            canonical: (String) -> String?) throws -> [String: Int] {
        var index: [String: Int] = [:]
        var problems: [ImportProblem] = []
        let known = columns.joined(separator: ", ")
        for (position, raw) in header.fields.enumerated() {
            let typed = CSVFormat.unguardFormula(raw).trimmingCharacters(in: .whitespaces)
            let cellName = Self.columnLetters(position)
            if FreeText.sanitize(typed).isEmpty {
                problems.append(ImportProblem(line: header.line, column: "", reason: Message(
                    zh: "第 \(position + 1) 列（\(cellName) 列）的列名是空的；请填写列名或删除这一列。可用的列：\(known)",
                    en: "The header cell of column \(position + 1) (\(cellName)) is empty; name the column or "
                        + "delete it. The columns are: \(known)")))
                continue
            }
            guard let name = canonical(typed) else {
                problems.append(ImportProblem(line: header.line, column: typed, reason: Message(
                    zh: "未知的列名（第 \(position + 1) 列，\(cellName) 列），可用的列：\(known)，或其中文名 \(chineseNames)",
                    en: "Unknown column (column \(position + 1), \(cellName)); the columns are: \(known), "
                        + "or their Chinese names \(chineseNames)")))
                continue
            }
            if index[name] != nil {
                problems.append(ImportProblem(line: header.line, column: name, reason: Message(
                    zh: "列名重复", en: "This column appears twice")))
            } else {
                index[name] = position
            }
        }
        for column in required where index[column] == nil {
            problems.append(ImportProblem(line: header.line, column: column, reason: Message(
                zh: "缺少这一列（第一行应为列名，如 \(example.joined(separator: ",")))",
                en: "This column is missing (the first line holds the column names: "
                    + "\(example.joined(separator: ",")))")))
        }
        if !problems.isEmpty { throw ImportError(problems: problems) }
        return index
    }

    /// `A`, `B`, … `Z`, `AA`: how a spreadsheet names the column.
    static func columnLetters(_ position: Int) -> String {
        var n = position + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    struct Cells {
        var fields: [String]
        var columns: [String: Int]
        /// The cell's text with the export's formula guard removed; empty when the column is absent.
        subscript(_ column: String) -> String {
            guard let i = columns[column], i < fields.count else { return "" }
            return CSVFormat.unguardFormula(fields[i])
        }
    }

    /// Collects one problem per bad column of a row, each naming the column that holds the bad value.
    struct RowCheck {
        var line: Int
        var cells: Cells
        var problems: [ImportProblem] = []

        init(line: Int, cells: Cells) {
            self.line = line
            self.cells = cells
        }

        mutating func attempt<T>(_ column: String, _ body: () throws -> T) -> T? {
            do {
                return try body()
            } catch let error as any UserFacingError {
                problems.append(ImportProblem(line: line, column: column, reason: error.message,
                                              value: cells[column]))
            } catch {
                problems.append(ImportProblem(line: line, column: column,
                                              reason: Message(zh: "\(error)", en: "\(error)"), value: cells[column]))
            }
            return nil
        }
    }

    /// Checks every field of a row; returns the row only when all of it is valid.
    private func validate(_ check: inout RowCheck) -> ImportRow? {
        let cells = check.cells
        let phones = cells["phones"].split(whereSeparator: { $0 == ";" || $0 == "；" }).map(String.init)
        let name = check.attempt("name") { try PersonName.validate(cells["name"]) }
        for phone in phones { _ = check.attempt("phones") { try PhoneNumber.validate(phone) } }
        let outOfWarranty = check.attempt("out_of_warranty") { try Self.flag(cells["out_of_warranty"]) }
        let usedCar = check.attempt("used_car") { try Self.flag(cells["used_car"]) }
        _ = check.attempt("notes") {
            try FreeText.cleanKeepingLines(cells["notes"], field: .notes, maxLength: CustomerRules.notesMaxLength)
        }
        let kind = check.attempt("customer_type") { try Self.customerKind(cells["customer_type"]) }
        let since = check.attempt("customer_since") { () throws -> CalendarDate? in
            let date = try day(cells["customer_since"])
            if let date { try CustomerRules.checkCustomerSince(date, today: today) }
            return date
        }
        let vehicle = validateVehicle(&check)
        guard check.problems.isEmpty, let name, let outOfWarranty, let usedCar, let vehicle, let kind, let since else {
            return nil
        }
        // The whole-record rules (at least one phone, duplicates removed) on top of the per-field checks.
        let customer = check.attempt("phones") {
            try CustomerRules.validated(Customer(name: name, phones: phones, isOutOfWarrantyOwner: outOfWarranty,
                                                 isUsedCarOwner: usedCar, notes: cells["notes"], customerSince: since,
                                                 kind: kind))
        }
        guard let customer else { return nil }
        return ImportRow(line: check.line, customer: customer, vehicle: vehicle.value, mileage: vehicle.mileage,
                         odometerReason: vehicle.odometerReason)
    }

    /// A vehicle (or `.none` for a row without a plate), or nil when a vehicle column is wrong.
    private func validateVehicle(_ check: inout RowCheck) -> VehicleCells? {
        let cells = check.cells
        let plateText = cells["plate"]
        let others = ["vin", "model", "purchase_date", "warranty_end_date", "warranty_end_km", "mileage",
                      "odometer_reason"]
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
        let vin = VIN.normalize(vinText).isEmpty ? String?.none : check.attempt("vin") { try Self.vin(vinText) }
        let model = check.attempt("model") {
            try FreeText.clean(cells["model"], field: .model, maxLength: VehicleRules.modelMaxLength, required: true)
        }
        let purchase = check.attempt("purchase_date") { () throws -> CalendarDate? in
            let date = try day(cells["purchase_date"])
            if let date { try VehicleRules.checkPurchaseDate(date, today: today) }
            return date
        }
        let warrantyEnd = check.attempt("warranty_end_date") { try day(cells["warranty_end_date"]) }
        let km = check.attempt("warranty_end_km") { try Self.kilometres(cells["warranty_end_km"]) }
        let odometer = check.attempt("mileage") { try Self.odometer(cells["mileage"]) }
        let reason = check.attempt("odometer_reason") { () throws -> String in
            let clean = try FreeText.clean(cells["odometer_reason"], field: .reason, maxLength: 200)
            if !clean.isEmpty && odometer == .some(nil) {
                throw ValidationError(field: .reason, message: Message(
                    zh: "填写了里程原因却没有里程；请填写里程（mileage）或清空原因",
                    en: "An odometer reason is given but the mileage is empty; enter the mileage or clear the reason"))
            }
            return clean
        }
        guard check.problems.count == before, let plate, let model, let purchase, let warrantyEnd, let km,
              let odometer, let reason else {
            return nil
        }
        do {
            return VehicleCells(value: try VehicleRules.validated(Vehicle(
                ownerID: 0, vin: vin, plate: plate, model: model, purchaseDate: purchase,
                warrantyEndDate: warrantyEnd, warrantyEndKm: km)), mileage: odometer, odometerReason: reason)
        } catch let error as ValidationError {
            let column = Self.column(for: error.field, fallback: "")
            check.problems.append(ImportProblem(line: check.line, column: column, reason: error.message,
                                                value: cells[column]))
        } catch {
            check.problems.append(ImportProblem(line: check.line, column: "", reason: Message(zh: "\(error)", en: "\(error)")))
        }
        return nil
    }

    private struct VehicleCells {
        var value: Vehicle?
        var mileage: Int? = nil
        var odometerReason: String = ""
    }

    /// The column of a whole-record rule's error; `.date` is left to the caller, as two columns hold dates.
    static func column(for field: Field, fallback: String) -> String {
        switch field {
        case .name: "name"
        case .phone: "phones"
        case .notes: "notes"
        case .plate: "plate"
        case .vin: "vin"
        case .model: "model"
        case .mileage: "warranty_end_km"
        default: fallback
        }
    }

    /// Optional calendar date: `yyyy-MM-dd`, or `yyyy/m/d` as Excel re-saves it.
    func day(_ text: String) throws -> CalendarDate? {
        let clean = FreeText.sanitize(text)
        if clean.isEmpty { return nil }
        if let date = days.dates[clean] { return date }
        guard let date = CalendarDate(typed: clean) else {
            throw ValidationError(field: .date, message: Message(
                zh: "日期应写成 年-月-日，例如 2024-03-15 或 2024/3/15，现在是“\(Self.echo(clean))”",
                en: "Write the date as yyyy-MM-dd or yyyy/m/d, e.g. 2024-03-15, not \"\(Self.echo(clean))\""))
        }
        days.dates[clean] = date
        return date
    }
}
