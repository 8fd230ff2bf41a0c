import Foundation

/// A customer or vehicle already on file that a new record at the desk would duplicate.
public struct DuplicateMatch: Sendable, Equatable {
    public enum Reason: String, Sendable, Equatable { case phone, plate, vin }
    public var reason: Reason
    public var customerID: RowID
    public var customerName: String
    /// Normalized; mask it when shown in a list.
    public var phone: String
    public var vehicleID: RowID?
    public var plate: String?

    public init(reason: Reason, customerID: RowID, customerName: String, phone: String, vehicleID: RowID?,
                plate: String?) {
        self.reason = reason
        self.customerID = customerID
        self.customerName = customerName
        self.phone = phone
        self.vehicleID = vehicleID
        self.plate = plate
    }
}

/// A record the store holds, reduced to what duplicate detection compares.
public struct KnownRecord: Sendable, Equatable {
    public var customerID: RowID
    public var customerName: String
    public var phones: [String]
    public var vehicleID: RowID?
    public var plate: String?
    public var vin: String?

    public init(customerID: RowID, customerName: String, phones: [String], vehicleID: RowID? = nil,
                plate: String? = nil, vin: String? = nil) {
        self.customerID = customerID
        self.customerName = customerName
        self.phones = phones
        self.vehicleID = vehicleID
        self.plate = plate
        self.vin = vin
    }
}

public enum DuplicateDetection {
    /// The normalized keys of what the clerk typed; parts that do not validate yet are left out
    /// (their own field reports them).
    public static func keys(phone: String, plate: String, vin: String) -> (phone: String?, plate: String?, vin: String?) {
        let p = try? PhoneNumber.validate(phone)
        let pl = try? Plate.validate(plate)
        let v = VIN.normalize(vin).isEmpty ? nil : (try? VIN.validate(vin))
        return (p, pl, v)
    }

    /// Every known record sharing the phone, the plate or the VIN, plate and VIN matches first
    /// (a car is more certainly the same than a phone, which families share).
    public static func matches(phone: String, plate: String, vin: String, among known: [KnownRecord]) -> [DuplicateMatch] {
        let k = keys(phone: phone, plate: plate, vin: vin)
        var found: [DuplicateMatch] = []
        func add(_ r: KnownRecord, _ reason: DuplicateMatch.Reason) {
            guard !found.contains(where: { $0.customerID == r.customerID && $0.vehicleID == r.vehicleID }) else { return }
            found.append(DuplicateMatch(reason: reason, customerID: r.customerID, customerName: r.customerName,
                                        phone: r.phones.first ?? "", vehicleID: r.vehicleID, plate: r.plate))
        }
        if let vin = k.vin { for r in known where r.vin == vin { add(r, .vin) } }
        if let plate = k.plate { for r in known where r.plate == plate { add(r, .plate) } }
        if let phone = k.phone {
            for r in known where r.phones.contains(phone) && !found.contains(where: { $0.customerID == r.customerID }) {
                add(r, .phone)
            }
        }
        return found
    }
}

/// The printed work order (委托书): what the customer signs before work starts.
public struct WorkOrderText: Sendable, Equatable {
    public var shopName: String
    public var order: RepairOrder
    public var customerName: String
    public var plate: String
    public var model: String
    public var vin: String?
    public var concerns: [Concern]
    public var valuablesReminded: Bool
    public var advisorName: String
    /// The work lines as opened (the estimate's line first).
    public var jobs: [Job]

    public init(shopName: String, order: RepairOrder, customerName: String, plate: String, model: String, vin: String?,
                concerns: [Concern], valuablesReminded: Bool, advisorName: String = "", jobs: [Job] = []) {
        self.shopName = shopName
        self.order = order
        self.customerName = customerName
        self.plate = plate
        self.model = model
        self.vin = vin
        self.concerns = concerns
        self.valuablesReminded = valuablesReminded
        self.advisorName = advisorName
        self.jobs = jobs
    }

    /// Plain text, bilingual labels, one field a line, signature lines at the end.
    public func render(timeZone: TimeZone) -> String {
        let o = order
        func time(_ d: Date) -> String { String(RONumber.dayKey(d, timeZone: timeZone).prefix(4)) + "-" + PromisedTime.format(d, timeZone: timeZone) }
        var lines: [String] = []
        lines.append(FreeText.sanitize(shopName))
        lines.append("维修委托书 / Work order    \(o.number)")
        lines.append(String(repeating: "=", count: 48))
        lines.append("接车时间 Opened:     \(time(o.openedAt))")
        lines.append("客户 Customer:       \(FreeText.sanitize(customerName))")
        lines.append("服务顾问 Advisor:    \(advisorName.isEmpty ? "-" : FreeText.sanitize(advisorName))")
        lines.append("联系电话 Phone:      \(o.contactPhone)")
        if !o.preferredCallbackTime.isEmpty { lines.append("方便来电 Call at:    \(o.preferredCallbackTime)") }
        lines.append("车牌 Plate:          \(Plate.display(plate))")
        lines.append("车型 Model:          \(FreeText.sanitize(model))")
        lines.append("VIN:                 \(vin ?? "-")")
        lines.append("进厂里程 Mileage:    \(o.mileageIn) km")
        lines.append("油量 Fuel:           \(fuelLabel(o.fuelLevel))")
        lines.append("类型 Service:        \(o.serviceType.label.zh) \(o.serviceType.label.en)")
        lines.append("等待方式 Waiting:    \(o.isWaiter ? "在店等候 waiter" : "留车 drop-off")")
        lines.append("")
        lines.append("客户描述 Concerns:")
        for (i, c) in concerns.enumerated() { lines.append("  \(i + 1). \(c.text)  [\(c.category.label.zh) \(c.category.label.en)]") }
        lines.append("环车检查 Walk-around: \(o.walkAroundNotes.isEmpty ? "-" : o.walkAroundNotes)")
        lines.append("贵重物品已提醒 Valuables reminded: \(valuablesReminded ? "是 yes" : "否 no")")
        lines.append("")
        if !jobs.isEmpty {
            lines.append("维修项目 Work:")
            for (i, j) in jobs.enumerated() {
                lines.append("  \(i + 1). \(FreeText.sanitize(j.description))  工时 labour \(j.labour)  材料 parts \(j.parts)"
                             + "  \(LabourHoursInput.format(minutes: Int((j.labourHours * 60).rounded()))) h")
            }
        }
        lines.append("预估工时费 Labour:   \(o.estimateLabour)")
        lines.append("预估材料费 Parts:    \(o.estimateParts)")
        lines.append("预估合计 Total:      \(o.estimateTotal)")
        lines.append("承诺交车 Promised:   \(time(o.promisedAt))")
        lines.append("如需增加项目，须经客户同意后方可施工。 Extra work only with the customer's approval.")
        lines.append("")
        lines.append("客户签字 Customer: ____________________   日期 Date: __________")
        lines.append("服务顾问 Advisor:  ____________________   日期 Date: __________")
        return lines.joined(separator: "\n") + "\n"
    }

    private func fuelLabel(_ f: FuelLevel) -> String {
        switch f {
        case .empty: "空 E"
        case .quarter: "1/4"
        case .half: "1/2"
        case .threeQuarters: "3/4"
        case .full: "满 F"
        }
    }
}

extension ConcernCategory {
    public var label: Message {
        switch self {
        case .engine: Message(zh: "发动机", en: "Engine")
        case .transmission: Message(zh: "变速箱", en: "Transmission")
        case .brakes: Message(zh: "制动", en: "Brakes")
        case .suspension: Message(zh: "悬挂转向", en: "Suspension")
        case .electrical: Message(zh: "电器", en: "Electrical")
        case .airConditioning: Message(zh: "空调", en: "A/C")
        case .body: Message(zh: "车身", en: "Body")
        case .tyres: Message(zh: "轮胎", en: "Tyres")
        case .maintenance: Message(zh: "保养", en: "Maintenance")
        case .noise: Message(zh: "异响", en: "Noise")
        case .other: Message(zh: "其他", en: "Other")
        }
    }
}
