import Foundation

/// The electronic repair record of a settled order (汽车维修电子健康档案), with the fields the provincial
/// systems take. Built from the frozen settlement, so the record says what the customer signed.
public struct RepairRecord: Sendable, Equatable, Codable {
    public struct Part: Sendable, Equatable, Codable {
        public var name: String
        public var number: String
        public var quantityHundredths: Int64
        public init(name: String, number: String, quantityHundredths: Int64) {
            self.name = name
            self.number = number
            self.quantityHundredths = quantityHundredths
        }
    }

    public var shopName: String
    public var vin: String
    public var plate: String
    /// `yyyy-MM-dd` in the shop's zone.
    public var dateIn: String
    public var mileageIn: Int
    public var settlementDate: String
    public var settlementNumber: String
    public var faultDescription: String
    public var repairItems: [String]
    public var labourHundredths: Int64
    public var parts: [Part]
    public var repairClass: RepairClass
    /// Nil when the class needs no QC and none was recorded.
    public var qcPassed: Bool?
    public var qcInspector: String

    public init(shopName: String, vin: String, plate: String, dateIn: String, mileageIn: Int, settlementDate: String,
                settlementNumber: String, faultDescription: String, repairItems: [String], labourHundredths: Int64,
                parts: [Part], repairClass: RepairClass, qcPassed: Bool?, qcInspector: String) {
        self.shopName = shopName
        self.vin = vin
        self.plate = plate
        self.dateIn = dateIn
        self.mileageIn = mileageIn
        self.settlementDate = settlementDate
        self.settlementNumber = settlementNumber
        self.faultDescription = faultDescription
        self.repairItems = repairItems
        self.labourHundredths = labourHundredths
        self.parts = parts
        self.repairClass = repairClass
        self.qcPassed = qcPassed
        self.qcInspector = qcInspector
    }
}

public enum RepairRecordRules {
    /// The record of a settlement: its lines' names, hours and parts.
    public static func record(shopName: String, vin: String, plate: String, order: RepairOrder, concerns: [String],
                              settlement: Settlement, qc: QualityCheck?, timeZone: TimeZone) -> RepairRecord {
        RepairRecord(
            shopName: shopName, vin: vin, plate: plate, dateIn: DeliverySummary.day(order.openedAt, timeZone),
            mileageIn: order.mileageIn, settlementDate: DeliverySummary.day(settlement.settledAt, timeZone),
            settlementNumber: settlement.number, faultDescription: concerns.joined(separator: "；"),
            repairItems: settlement.lines.map(\.name),
            labourHundredths: settlement.lines.reduce(0) { $0 + $1.hoursHundredths },
            parts: settlement.lines.flatMap { $0.parts.map { Part(name: $0.name, number: $0.number, quantityHundredths: $0.quantityHundredths) } },
            repairClass: order.repairClass, qcPassed: qc?.passed, qcInspector: qc?.inspectorName ?? "")
    }

    public typealias Part = RepairRecord.Part

    /// The required fields the record lacks, named for the shop to fill (the record is then not exported
    /// half-empty). QC is required where the class requires it.
    public static func missingFields(_ r: RepairRecord, qcRequiredForAll: Bool) -> [Message] {
        var missing: [Message] = []
        if r.shopName.trimmingCharacters(in: .whitespaces).isEmpty { missing.append(Message(zh: "店名（设置 shop.name）", en: "shop name (setting shop.name)")) }
        if r.vin.isEmpty { missing.append(Message(zh: "车架号 VIN", en: "VIN")) }
        if r.plate.isEmpty { missing.append(Message(zh: "车牌", en: "plate")) }
        if r.mileageIn <= 0 { missing.append(Message(zh: "进厂里程", en: "mileage in")) }
        if r.faultDescription.trimmingCharacters(in: .whitespaces).isEmpty { missing.append(Message(zh: "故障描述", en: "fault description")) }
        if r.repairItems.isEmpty { missing.append(Message(zh: "维修项目", en: "repair items")) }
        if QCRules.isMandatory(r.repairClass, requiredForAll: qcRequiredForAll) && (r.qcPassed == nil || r.qcInspector.isEmpty) {
            missing.append(Message(zh: "质检结果与质检员", en: "QC result and inspector"))
        }
        return missing
    }

    public static let csvHeader = ["shop_name", "vin", "plate", "date_in", "mileage_in", "settlement_date", "settlement_number",
                                   "fault_description", "repair_items", "labour_hours", "part_names", "part_numbers",
                                   "part_quantities", "repair_class", "qc_result", "qc_inspector"]

    /// One CSV row's cells (lists joined with `|`, which the provincial upload clients split on).
    public static func csvCells(_ r: RepairRecord) -> [String] {
        [r.shopName, r.vin, r.plate, r.dateIn, String(r.mileageIn), r.settlementDate, r.settlementNumber, r.faultDescription,
         r.repairItems.joined(separator: "|"), Hundredths.text(r.labourHundredths), r.parts.map(\.name).joined(separator: "|"),
         r.parts.map(\.number).joined(separator: "|"), r.parts.map { Hundredths.text($0.quantityHundredths) }.joined(separator: "|"),
         r.repairClass.rawValue, r.qcPassed.map { $0 ? "passed" : "failed" } ?? "", r.qcInspector]
    }

    /// One JSON line, keys sorted, no escaping of slashes.
    public static func jsonLine(_ r: RepairRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(r), as: UTF8.self)
    }
}
