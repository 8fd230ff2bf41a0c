import Foundation
import ServiceDomain

/// One validated row of a history file: one repair order of the old system.
struct HistoryRow: Sendable {
    var line: Int
    /// The old system's number (cleaned), kept as the order's external number.
    var externalNumber: String
    var openedAt: Date
    var closedAt: Date?
    var promisedAt: Date
    var stage: ROStage
    var plate: String?
    var vin: String?
    var phone: String?
    var customerName: String?
    var model: String
    var mileage: Int
    var serviceType: ServiceType
    var repairClass: RepairClass
    var concern: String
    var category: ConcernCategory
    var advisor: String
    var technician: String
    var labour: Fen
    var parts: Fen
}

/// Reads a history file record by record (`CSVFileStream`) and validates each row on its own: the
/// checks that need the database or the other rows are `HistoryPlanner`'s.
struct HistoryReader {
    let url: URL
    let encoding: ImportEncoding?
    let times: ShopTimeParser
    /// The shop's service type → repair class mapping, for rows without a repair class.
    let repairClasses: [ServiceType: RepairClass]

    /// Calls `body` with each valid row; returns every problem found (the caller decides whether the
    /// file is refused), in file order.
    func forEachRow(_ body: (HistoryRow) throws -> Void) throws -> [ImportProblem] {
        var stream = CSVFileStream(url: url, encoding: encoding)
        var columns: [String: Int]?
        var headerCount = 0
        var problems: [ImportProblem] = []
        var rows = 0
        do {
            try stream.forEachRecord { record in
                guard let index = columns else {
                    columns = try CustomerCSVReader.columnIndex(
                        record, known: HistoryCSV.orderColumns, chineseNames: HistoryCSV.chineseNames,
                        required: ["ro_number", "opened_at", "status", "mileage_km"], example: HistoryCSV.orderColumns,
                        canonical: { HistoryCSV.canonical($0, known: HistoryCSV.orderColumns) })
                    headerCount = record.fields.count
                    return
                }
                rows += 1
                if record.fields.count > headerCount {
                    problems.append(ImportProblem(line: record.line, column: "", reason: Message(
                        zh: "这一行有 \(record.fields.count) 个单元格，表头只有 \(headerCount) 个（含逗号的内容要加引号）",
                        en: "This row has \(record.fields.count) cells but the header has \(headerCount) "
                            + "(quote cells that contain commas)")))
                    return
                }
                var check = CustomerCSVReader.RowCheck(line: record.line,
                                                       cells: CustomerCSVReader.Cells(fields: record.fields, columns: index))
                if let row = validate(&check), check.problems.isEmpty { try body(row) }
                problems += check.problems
            }
        } catch let error as CSVFormat.ParseError {
            throw CustomerCSVReader.importError(error)
        }
        if columns == nil {
            throw ImportError(problems: [ImportProblem(line: 0, column: "", reason: Message(
                zh: "文件是空的，没有表头也没有数据行", en: "The file is empty: no header and no rows"))])
        }
        if rows == 0 {
            throw ImportError(problems: [ImportProblem(line: 0, column: "", reason: Message(
                zh: "文件只有表头，没有数据行", en: "The file holds only the header line, no rows"))])
        }
        return problems
    }

    private func validate(_ check: inout CustomerCSVReader.RowCheck) -> HistoryRow? {
        let cells = check.cells
        let number = check.attempt("ro_number") {
            try FreeText.clean(cells["ro_number"], field: .other, maxLength: 40, required: true)
        }
        let opened = check.attempt("opened_at") { () throws -> Date in
            guard let date = try times.parse(cells["opened_at"]) else { throw Self.required(.date) }
            return date
        }
        let closed = check.attempt("closed_at") { try times.parse(cells["closed_at"]) }
        let promised = check.attempt("promised_at") { try times.parse(cells["promised_at"]) }
        let stage = check.attempt("status") { try HistoryCSV.status(cells["status"]) }
        let plateText = FreeText.sanitize(cells["plate"]), vinText = cells["vin"]
        let plate = plateText.isEmpty ? String?.none : check.attempt("plate") { try Plate.validate(plateText) }
        let vin = VIN.normalize(vinText).isEmpty ? String?.none : check.attempt("vin") { try CustomerCSVReader.vin(vinText) }
        if plateText.isEmpty && VIN.normalize(vinText).isEmpty {
            check.problems.append(ImportProblem(line: check.line, column: "plate", reason: Message(
                zh: "车牌号和车架号至少填一个", en: "Fill in the plate or the VIN (at least one)")))
        }
        let phoneText = FreeText.sanitize(cells["phone"])
        let phone = phoneText.isEmpty ? String?.none : check.attempt("phone") { try PhoneNumber.validate(phoneText) }
        let nameText = FreeText.sanitize(cells["customer_name"])
        let name = nameText.isEmpty ? String?.none : check.attempt("customer_name") { try PersonName.validate(nameText) }
        let model = check.attempt("model") {
            try FreeText.clean(cells["model"], field: .model, maxLength: VehicleRules.modelMaxLength)
        }
        let mileage = check.attempt("mileage_km") { () throws -> Int in
            guard let km = try CustomerCSVReader.odometer(cells["mileage_km"]) else { throw Self.required(.mileage) }
            return km
        }
        let concern = check.attempt("concern") {
            try FreeText.clean(cells["concern"], field: .concern, maxLength: 500)
        }
        let typed = check.attempt("service_type") { try HistoryCSV.serviceType(cells["service_type"]) }
        let typedClass = check.attempt("repair_class") { try HistoryCSV.repairClass(cells["repair_class"]) }
        let typedCategory = check.attempt("category") { try HistoryCSV.category(cells["category"]) }
        let advisor = check.attempt("advisor") { try FreeText.clean(cells["advisor"], field: .name, maxLength: 40) }
        let technician = check.attempt("technician") { try FreeText.clean(cells["technician"], field: .name, maxLength: 40) }
        let labour = check.attempt("labour_amount") { try HistoryCSV.yuan(cells["labour_amount"]) }
        let parts = check.attempt("parts_amount") { try HistoryCSV.yuan(cells["parts_amount"]) }
        guard check.problems.isEmpty, let number, let opened, let closed, let promised, let stage, let model, let mileage,
              let concern, let typed, let typedClass, let typedCategory, let advisor, let technician, let labour,
              let parts else { return nil }
        // As at check-in: the category from the customer's words, the service type from the category.
        let category = typedCategory ?? (concern.isEmpty ? .other : CheckInDefaults.category(for: concern))
        let serviceType = typed ?? CheckInDefaults.serviceType(for: category)
        let repairClass = typedClass ?? repairClasses[serviceType] ?? CheckInDefaults.repairClass(for: serviceType)
        if stage.isOpen, closed != nil {
            check.problems.append(ImportProblem(line: check.line, column: "closed_at", reason: Message(
                zh: "未完工的工单没有结算时间；请清空结算时间或改正状态",
                en: "An open order has no closed time; clear closed_at or correct the status"), value: cells["closed_at"]))
            return nil
        }
        if stage == .delivered && closed == nil {
            check.problems.append(ImportProblem(line: check.line, column: "closed_at", reason: Message(
                zh: "已结算的工单需要结算时间", en: "A closed order needs its closed time")))
            return nil
        }
        if let closed, closed < opened {
            check.problems.append(ImportProblem(line: check.line, column: "closed_at", reason: Message(
                zh: "结算时间早于开单时间", en: "The closed time is before the opened time"), value: cells["closed_at"]))
            return nil
        }
        if let promised, promised < opened {
            check.problems.append(ImportProblem(line: check.line, column: "promised_at", reason: Message(
                zh: "预计交车时间早于开单时间", en: "The promised time is before the opened time"), value: cells["promised_at"]))
            return nil
        }
        return HistoryRow(line: check.line, externalNumber: number, openedAt: opened, closedAt: closed,
                          promisedAt: promised ?? closed ?? opened, stage: stage, plate: plate ?? nil, vin: vin ?? nil,
                          phone: phone ?? nil, customerName: name ?? nil, model: model, mileage: mileage,
                          serviceType: serviceType, repairClass: repairClass,
                          concern: concern.isEmpty ? serviceType.historyConcern : concern, category: category,
                          advisor: advisor, technician: technician, labour: labour, parts: parts)
    }

    private static func required(_ field: Field) -> ValidationError {
        ValidationError(field: field, message: Message(zh: "这一项必须填写", en: "This cell must be filled in"))
    }
}

extension ServiceType {
    /// The concern of an imported order whose file gave none (a concern row is what comebacks compare).
    var historyConcern: String {
        switch self {
        case .maintenance: "保养 (imported)"
        case .repair: "维修 (imported)"
        case .warranty: "保修 (imported)"
        case .accident: "事故 (imported)"
        case .recall: "召回 (imported)"
        }
    }
}
