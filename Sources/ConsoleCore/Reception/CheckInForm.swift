import Foundation
import ScreenKit
import ServiceDomain

/// What the desk knows about a returning customer and car when check-in opens.
public struct CheckInCustomerInfo: Sendable, Equatable {
    public var customer: Customer
    /// Nil when the customer is known but the car is new (typed in the form).
    public var vehicle: Vehicle?
    public var lastKm: Int?
    /// Newest first.
    public var lastVisits: [RepairOrder]
    public var openComplaints: [Complaint]
    /// Work declined on earlier visits, newest first (offered again).
    public var declinedWork: [Job]

    public init(customer: Customer, vehicle: Vehicle?, lastKm: Int?, lastVisits: [RepairOrder], openComplaints: [Complaint],
                declinedWork: [Job] = []) {
        self.customer = customer
        self.vehicle = vehicle
        self.lastKm = lastKm
        self.lastVisits = lastVisits
        self.openComplaints = openComplaints
        self.declinedWork = declinedWork
    }
}

/// The check-in form's fields in Tab order. The first five appear only for a new customer or car.
public enum CheckInField: Int, Sendable, CaseIterable, Comparable {
    case name, phone, plate, vin, model
    /// `odometerReason` is shown only when the mileage is below the car's last reading.
    case mileage, odometerReason, concern, labour, parts, hours, promised
    case category, serviceType, waiter, fuel, walkAround, valuables, contactPhone, callbackTime
    /// Only when the person checking in is not an advisor.
    case advisor

    public static func < (a: CheckInField, b: CheckInField) -> Bool { a.rawValue < b.rawValue }

    /// Fields chosen with ←/→ or Space rather than typed.
    public var isChoice: Bool { [.category, .serviceType, .waiter, .fuel, .valuables, .advisor].contains(self) }
    var isCustomerField: Bool { self == .name || self == .phone }
    var isVehicleField: Bool { self == .plate || self == .vin || self == .model }
}

/// The check-in form: everything typed so far, kept in state so it survives switching panels.
public struct CheckInForm: Sendable, Equatable {
    /// Nil for a walk-in new customer.
    public var subject: CheckInCustomerInfo?
    public var appointmentID: RowID?
    /// When the customer's arrival was logged (the check-in timer).
    public var arrivedAt: Date
    public var hours: ShopHours
    public var texts: [CheckInField: TextInputState] = [:]
    public var category: ConcernCategory = .other
    public var serviceType: ServiceType = .repair
    public var isWaiter = false
    public var fuel: FuelLevel = .half
    public var valuablesReminded = false
    /// Values the clerk set by hand are no longer re-suggested.
    public var touched: Set<CheckInField> = []
    public var focus: CheckInField
    /// Existing records matching the typed phone, plate or VIN.
    public var duplicates: [DuplicateMatch] = []
    public var saving = false
    /// Esc was pressed once on a form with input: a second Esc discards it.
    public var discardArmed = false
    /// The advisors to choose from; empty when the person checking in is the advisor (the store records them).
    public var advisors: [StaffChoice] = []
    public var advisorID: RowID?
    /// The advisor the appointment was booked with: chosen before the customer's usual one.
    public var appointmentAdvisorID: RowID?

    public init(subject: CheckInCustomerInfo?, appointment: Appointment?, arrivedAt: Date, hours: ShopHours,
                now: Date, timeZone: TimeZone) {
        self.subject = subject
        self.appointmentID = appointment?.id
        self.appointmentAdvisorID = appointment?.advisorID
        self.arrivedAt = arrivedAt
        self.hours = hours
        focus = .mileage
        for field in CheckInField.allCases where !field.isChoice { texts[field] = TextInputState() }
        if let c = subject?.customer {
            texts[.contactPhone] = TextInputState(text: c.primaryPhone ?? "")
            texts[.callbackTime] = TextInputState(text: c.preferredCallTime)
        }
        if let a = appointment {
            texts[.concern] = TextInputState(text: a.concerns)
            serviceType = a.serviceType
            isWaiter = a.isWaiter
            touched.insert(.serviceType)
        }
        if needsCustomer { focus = .name } else if needsVehicle { focus = .plate }
        refreshSuggestions(now: now, timeZone: timeZone)
        focus(on: focus)
    }

    /// Moves the focus, selecting a prefilled value so typing replaces it (spreadsheet-style).
    public mutating func focus(on field: CheckInField) {
        texts[focus]?.deselect()
        focus = field
        texts[field]?.selectAll()
    }

    public var needsCustomer: Bool { subject == nil }
    public var needsVehicle: Bool { subject?.vehicle == nil }

    /// The fields shown, in Tab order.
    public var fields: [CheckInField] {
        CheckInField.allCases.filter { f in
            if f.isCustomerField { return needsCustomer }
            if f.isVehicleField { return needsVehicle }
            if f == .advisor { return !advisors.isEmpty }
            if f == .odometerReason { return isBelowLastReading }
            return true
        }
    }

    /// The typed mileage is below the car's last reading: a reason (odometer replaced …) is needed.
    public var isBelowLastReading: Bool {
        guard let last = subject?.lastKm, let km = try? typedKm() else { return false }
        return km < last
    }

    public func text(_ f: CheckInField) -> String { texts[f]?.text ?? "" }

    /// Something the clerk typed would be lost if the form closed.
    public var hasInput: Bool {
        texts.contains { field, input in
            guard !input.isEmpty else { return false }
            if field == .contactPhone || field == .callbackTime || field == .hours || field == .promised { return touched.contains(field) }
            return true
        } || touched.contains { $0.isChoice }
    }

    /// Re-derives the values the clerk has not set: category from the concern, service type from the
    /// category, labour hours from the service type, and the promised time from the hours.
    public mutating func refreshSuggestions(now: Date, timeZone: TimeZone) {
        if !touched.contains(.category) { category = CheckInDefaults.category(for: text(.concern)) }
        if !touched.contains(.serviceType) { serviceType = CheckInDefaults.serviceType(for: category) }
        if !touched.contains(.hours) {
            texts[.hours] = TextInputState(text: LabourHoursInput.format(minutes: CheckInDefaults.labourMinutes(for: serviceType)))
        }
        if !touched.contains(.promised) {
            let minutes = (try? LabourHoursInput.minutes(text(.hours))) ?? CheckInDefaults.labourMinutes(for: serviceType)
            let promised = PromisedTime.suggest(now: now, labourMinutes: minutes, hours: hours, timeZone: timeZone)
            texts[.promised] = TextInputState(text: PromisedTime.format(promised, timeZone: timeZone))
        }
    }

    /// Checks one field as the clerk leaves it; nil when it is fine.
    public func problem(in field: CheckInField, now: Date, timeZone: TimeZone) -> Message? {
        NewCustomerEntry.problem { try validate(field, now: now, timeZone: timeZone) }
    }

    private func validate(_ field: CheckInField, now: Date, timeZone: TimeZone) throws {
        let value = text(field)
        switch field {
        case .name, .phone, .plate, .vin, .model: try NewCustomerEntry.validate(field, value)
        case .contactPhone:
            // A new customer's own phone is the contact unless the clerk gives another.
            if value.isEmpty && needsCustomer { return }
            _ = try PhoneNumber.validate(value)
        case .mileage: _ = try typedKm()
        case .odometerReason:
            // The reading below the last one is accepted only with its reason, checked by the domain rule.
            let reason = try FreeText.clean(value, field: .reason, maxLength: 200)
            try MileageRule.check(newKm: try typedKm(), lastKm: subject?.lastKm, odometerReplacementReason: reason)
        case .concern: _ = try FreeText.clean(value, field: .concern, maxLength: 500, required: true)
        case .labour: _ = try YuanInput.parse(value, field: .estimate)
        case .parts: _ = try YuanInput.parse(value, field: .estimate)
        case .hours: _ = try LabourHoursInput.minutes(value)
        case .promised:
            try PromiseRules.check(try PromisedTime.parse(value, now: now, timeZone: timeZone), now: now, hours: hours,
                                   timeZone: timeZone)
        case .walkAround: _ = try FreeText.clean(value, field: .walkAround, maxLength: 500)
        case .callbackTime: _ = try FreeText.clean(value, field: .preferredCallTime, maxLength: 40)
        case .advisor:
            if !advisors.isEmpty && !advisors.contains(where: { $0.id == advisorID }) { throw AdvisorRules.advisorRequired }
        case .category, .serviceType, .waiter, .fuel, .valuables: break
        }
    }

    /// The km typed, checked for digits and the rule's limits but not against the last reading.
    private func typedKm() throws -> Int {
        let digits = FreeText.sanitize(text(.mileage)).replacingOccurrences(of: ",", with: "")
            .replacingOccurrences(of: " ", with: "")
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let km = Int(digits) else {
            throw ValidationError(field: .mileage, message: Message(zh: "请填写仪表显示的公里数（只填数字），例如 23456",
                                                                   en: "Mileage: enter the km on the odometer (digits only), e.g. 23456"))
        }
        try MileageRule.check(newKm: km, lastKm: nil, odometerReplacementReason: nil)
        return km
    }

    private func mileage() throws -> Int {
        let km = try typedKm()
        try MileageRule.check(newKm: km, lastKm: subject?.lastKm,
                              odometerReplacementReason: isBelowLastReading ? text(.odometerReason) : nil)
        return km
    }

    /// The first field that does not validate, with its message.
    public func firstProblem(now: Date, timeZone: TimeZone) -> (CheckInField, Message)? {
        for f in fields { if let m = problem(in: f, now: now, timeZone: timeZone) { return (f, m) } }
        return nil
    }

    /// The records to save; call after `firstProblem` returned nil.
    public func draft(now: Date, timeZone: TimeZone, shopName: String) throws -> CheckInDraft {
        let customerID = subject?.customer.id ?? 0
        var newCustomer: Customer?
        if needsCustomer {
            newCustomer = Customer(name: text(.name), phones: [text(.phone)], preferredCallTime: text(.callbackTime))
        }
        var newVehicle: Vehicle?
        if needsVehicle {
            newVehicle = Vehicle(ownerID: customerID, vin: text(.vin), plate: text(.plate), model: text(.model))
        }
        let contact = text(.contactPhone).isEmpty && needsCustomer ? text(.phone) : text(.contactPhone)
        let order = RepairOrder(
            number: "", customerID: customerID, vehicleID: subject?.vehicle?.id ?? 0,
            advisorID: advisors.isEmpty ? nil : advisorID,
            appointmentID: appointmentID, serviceType: serviceType,
            repairClass: CheckInDefaults.repairClass(for: serviceType), openedAt: now,
            promisedAt: try PromisedTime.parse(text(.promised), now: now, timeZone: timeZone),
            mileageIn: try mileage(), fuelLevel: fuel, isWaiter: isWaiter,
            walkAroundNotes: text(.walkAround), contactPhone: try PhoneNumber.validate(contact),
            preferredCallbackTime: text(.callbackTime),
            estimateLabour: try YuanInput.parse(text(.labour)), estimateParts: try YuanInput.parse(text(.parts)))
        let line = WorkLines.fromEstimate(concern: text(.concern), labour: order.estimateLabour,
                                          parts: order.estimateParts,
                                          labourMinutes: (try? LabourHoursInput.minutes(text(.hours))) ?? 0)
        return CheckInDraft(newCustomer: newCustomer, newVehicle: newVehicle, order: order,
                            odometerReason: isBelowLastReading ? FreeText.sanitize(text(.odometerReason)) : "",
                            concern: Concern(repairOrderID: 0, text: text(.concern), category: category), jobs: [line],
                            arrivedAt: arrivedAt, valuablesReminded: valuablesReminded, shopName: shopName)
    }
}

extension CheckInForm {
    /// The advisors offered when the operator is not one, with the default chosen: the appointment's advisor,
    /// else `defaultID` (the customer's usual one), else the first.
    public mutating func offerAdvisors(_ choices: [StaffChoice], defaultID: RowID?) {
        advisors = choices
        guard !choices.contains(where: { $0.id == advisorID }) else { return }
        advisorID = AdvisorRules.defaultAdvisor(operatorID: nil, appointmentAdvisorID: appointmentAdvisorID,
                                                usualAdvisorID: defaultID, advisors: choices) ?? choices.first?.id
    }

    mutating func cycleAdvisor(_ step: Int) {
        guard !advisors.isEmpty else { return }
        let i = advisors.firstIndex { $0.id == advisorID } ?? 0
        advisorID = advisors[((i + step) % advisors.count + advisors.count) % advisors.count].id
    }

    public var advisorName: String { advisors.first { $0.id == advisorID }?.name ?? "" }
}

/// A check-in that reached the store.
public struct SavedCheckIn: Sendable, Equatable {
    public var number: String
    public var checkInSeconds: Int
    /// Where the work order was written; nil when writing failed (see `workOrderError`).
    public var workOrderPath: String?
    public var workOrderText: String
    public init(number: String, checkInSeconds: Int, workOrderPath: String?, workOrderText: String) {
        self.number = number
        self.checkInSeconds = checkInSeconds
        self.workOrderPath = workOrderPath
        self.workOrderText = workOrderText
    }
}

extension FuelLevel {
    public var label: String {
        switch self {
        case .empty: "E"
        case .quarter: "1/4"
        case .half: "1/2"
        case .threeQuarters: "3/4"
        case .full: "F"
        }
    }
}

extension CaseIterable where Self: Equatable, AllCases: RandomAccessCollection, AllCases.Index == Int {
    /// The next (or previous) case, wrapping around.
    func cycled(_ step: Int) -> Self {
        let all = Self.allCases
        let i = all.firstIndex(of: self)!
        return all[((i + step) % all.count + all.count) % all.count]
    }
}
