/// Names of stages and repair classes as the shop says them.
extension ROStage {
    public var label: Message {
        switch self {
        case .checkedIn: Message(zh: "已接车", en: "Checked in")
        case .dispatched: Message(zh: "已派工", en: "Dispatched")
        case .inProgress: Message(zh: "维修中", en: "In progress")
        case .waitingParts: Message(zh: "待料", en: "Waiting for parts")
        case .qualityCheck: Message(zh: "质检", en: "Quality check")
        case .washing: Message(zh: "洗车", en: "Washing")
        case .readyForPickup: Message(zh: "待交车", en: "Ready for pickup")
        case .delivered: Message(zh: "已交车", en: "Delivered")
        case .onHold: Message(zh: "暂停", en: "On hold")
        case .cancelled: Message(zh: "已取消", en: "Cancelled")
        }
    }
}

extension RepairClass {
    public var label: Message {
        switch self {
        case .majorAssembly: Message(zh: "总成修理", en: "Major assembly repair")
        case .level2Maintenance: Message(zh: "二级维护", en: "Level-2 maintenance")
        case .level1Maintenance: Message(zh: "一级维护", en: "Level-1 maintenance")
        case .minorRepair: Message(zh: "小修", en: "Minor repair")
        case .specialistRepair: Message(zh: "专项修理", en: "Specialist repair")
        }
    }
}

extension ServiceType {
    public var label: Message {
        switch self {
        case .maintenance: Message(zh: "保养", en: "Maintenance")
        case .repair: Message(zh: "维修", en: "Repair")
        case .warranty: Message(zh: "保修", en: "Warranty")
        case .accident: Message(zh: "事故", en: "Accident")
        case .recall: Message(zh: "召回", en: "Recall")
        }
    }
}

extension ApprovalMethod {
    public var label: Message {
        switch self {
        case .inPerson: Message(zh: "当面", en: "In person")
        case .phone: Message(zh: "电话", en: "By phone")
        case .message: Message(zh: "短信/微信", en: "By message")
        }
    }
}
