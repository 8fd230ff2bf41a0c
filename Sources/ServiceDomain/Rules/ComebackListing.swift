import Foundation

/// A comeback as the Comebacks panel lists it: both visits, the car, who worked it, and the 三包 counters.
public struct ComebackListing: Sendable, Equatable {
    public var comeback: Comeback
    public var earlierNumber: String
    public var earlierClass: RepairClass
    public var earlierDeliveredAt: Date?
    public var earlierCategories: [ConcernCategory]
    public var earlierConcern: String
    public var laterNumber: String?
    public var laterOpenedAt: Date?
    public var laterCategories: [ConcernCategory]
    public var laterConcern: String
    public var plate: String
    public var model: String
    /// Technicians who worked the earlier order (the choices for the responsible technician).
    public var technicians: [StaffChoice]
    public var counters: WarrantyCounters
    /// FTFR of the earlier order's technicians over the month it was delivered in (the figure a decision moves).
    public var technicianRates: [RowID: RateRow] = [:]
    /// The earlier order's quality-warranty window under the shop's settings.
    public var window: WarrantyWindow?

    public init(comeback: Comeback, earlierNumber: String, earlierClass: RepairClass, earlierDeliveredAt: Date?,
                earlierCategories: [ConcernCategory], earlierConcern: String, laterNumber: String?, laterOpenedAt: Date?,
                laterCategories: [ConcernCategory], laterConcern: String, plate: String, model: String,
                technicians: [StaffChoice], counters: WarrantyCounters) {
        self.comeback = comeback
        self.earlierNumber = earlierNumber
        self.earlierClass = earlierClass
        self.earlierDeliveredAt = earlierDeliveredAt
        self.earlierCategories = earlierCategories
        self.earlierConcern = earlierConcern
        self.laterNumber = laterNumber
        self.laterOpenedAt = laterOpenedAt
        self.laterCategories = laterCategories
        self.laterConcern = laterConcern
        self.plate = plate
        self.model = model
        self.technicians = technicians
        self.counters = counters
    }
}

extension RootCause {
    public var label: Message {
        switch self {
        case .misdiagnosis: Message(zh: "误诊", en: "Misdiagnosis")
        case .workmanship: Message(zh: "施工质量", en: "Workmanship")
        case .partFailure: Message(zh: "配件故障", en: "Part failure")
        case .partNotAvailable: Message(zh: "缺件未修", en: "Part not available")
        case .differentConcern: Message(zh: "不同故障", en: "Different concern")
        case .customerUse: Message(zh: "客户使用", en: "Customer use")
        }
    }
}

extension ComebackSource {
    public var label: Message {
        switch self {
        case .checkIn: Message(zh: "接车预警", en: "Check-in")
        case .followUp: Message(zh: "回访未修好", en: "Follow-up")
        case .leadSearch: Message(zh: "主管查找", en: "Lead search")
        case .historyImport: Message(zh: "历史导入", en: "History import")
        }
    }
}

extension ComebackStatus {
    public var label: Message {
        switch self {
        case .candidate: Message(zh: "待确认", en: "Candidate")
        case .confirmed: Message(zh: "已确认", en: "Confirmed")
        case .dismissed: Message(zh: "已排除", en: "Dismissed")
        }
    }
}
