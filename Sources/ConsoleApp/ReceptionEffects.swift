import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the reception panels' store work and reports back as actions.
enum ReceptionEffects {
    static func perform(_ request: ReceptionRequest, _ context: EffectContext) -> [Action] {
        do {
            return try run(request, context)
        } catch {
            let message = (error as? UserFacingError)?.message ?? Strings.loadFailed
            switch request {
            case .saveCheckIn:
                return [.reception(.checkInFailed(message, field: (error as? ValidationError)?.field))]
            case .book:
                return [.reception(.appointmentFailed(message, needsOverride: (error as? ValidationError)?.field == .reason))]
            case .setAppointmentStatus, .arrive, .undoNoShow:
                return [.reception(.appointmentFailed(message, needsOverride: false))]
            case .search(let purpose, let query):
                return [.reception(.searchFailed(purpose, query: query, message))]
            default:
                return [.reception(.loadFailed(message))]
            }
        }
    }

    private static func run(_ request: ReceptionRequest, _ context: EffectContext) throws -> [Action] {
        let db = context.db
        switch request {
        case .booking(let booking): return performBooking(booking, context)
        case .search(let purpose, let query):
            let hits = try db.search(query, limit: 100)
            return [.reception(.searchCompleted(purpose, query: query, results: hits.map(FoundCustomer.init)))]

        case .startCheckIn(let customerID, let vehicleID, let carry):
            guard let card = try db.customerCard(customerID: customerID) else {
                return [.reception(.loadFailed(Strings.cardNotFound))]
            }
            let info = checkInInfo(card, vehicleID: vehicleID)
            return [.reception(.checkInLoaded(info, appointment: nil, arrivedAt: context.now, hours: try db.shopHours(),
                                              carry: carry))] + (try advisorChoices(card, context))

        case .startNewCustomerCheckIn(let plate, let phone):
            var form = CheckInForm(subject: nil, appointment: nil, arrivedAt: context.now, hours: try db.shopHours(),
                                   now: context.now, timeZone: context.timeZone)
            form.texts[.plate] = .init(text: plate)
            form.texts[.phone] = .init(text: phone)
            return [.reception(.checkInLoaded(nil, appointment: nil, arrivedAt: context.now, hours: form.hours,
                                              carry: plate.isEmpty && phone.isEmpty ? nil : form))]
                + (try advisorChoices(nil, context))

        case .checkDuplicates(let phone, let plate, let vin):
            return [.reception(.duplicatesFound(try db.duplicates(phone: phone, plate: plate, vin: vin)))]

        case .saveCheckIn(let draft):
            return try save(draft, context)

        case .loadDay(let day):
            return [try dayLoaded(day, context)]

        case .book(let appointment, let reason, let reload):
            try db.authorize(.bookAppointment, context.operator)
            try db.bookAppointment(appointment, overrideReason: reason, operator: context.operator, now: context.now,
                                   timeZone: context.timeZone)
            return [.reception(.appointmentSaved(ReceptionStrings.booked)), try dayLoaded(reload, context)]

        case .setAppointmentStatus(let id, let version, let status, let reload):
            try db.authorize(.bookAppointment, context.operator)
            try db.setAppointmentStatus(id: id, to: status, version: version, operator: context.operator, now: context.now)
            return [.reception(.appointmentSaved(ReceptionStrings.statusChanged(status))), try dayLoaded(reload, context)]

        case .undoNoShow(let id, let version, let reload):
            try db.authorize(.bookAppointment, context.operator)
            let restored = try db.undoNoShow(id: id, version: version, operator: context.operator, now: context.now)
            return [.reception(.appointmentSaved(ReceptionStrings.noShowUndone(restored.status))), try dayLoaded(reload, context)]

        case .arrive(let id, let version, let reload):
            try db.authorize(.checkIn, context.operator)
            let arrived = try db.setAppointmentStatus(id: id, to: .arrived, version: version, operator: context.operator,
                                                      now: context.now)
            var actions: [Action] = [try dayLoaded(reload, context)]
            if let card = try db.customerCard(customerID: arrived.customerID) {
                actions.append(.reception(.checkInLoaded(checkInInfo(card, vehicleID: arrived.vehicleID), appointment: arrived,
                                                         arrivedAt: context.now, hours: try db.shopHours(), carry: nil)))
                actions += try advisorChoices(card, context)
            }
            return actions
        }
    }

    private static func checkInInfo(_ card: CustomerCard, vehicleID: RowID?) -> CheckInCustomerInfo {
        let vehicle = card.vehicles.first { $0.id == vehicleID && vehicleID != nil }
        return CheckInCustomerInfo(customer: card.customer, vehicle: vehicle,
                                   lastKm: vehicle?.id.flatMap { card.mileage[$0]?.first?.km },
                                   lastVisits: card.lastVisits, openComplaints: card.openComplaints,
                                   declinedWork: card.declinedWork)
    }

    /// When the person checking in is an advisor the order is theirs (the store records it); otherwise the form
    /// offers the advisors, the customer's usual one (their latest visit's) as the default when the form has no
    /// appointment advisor (the form prefers the one the appointment was booked with).
    private static func advisorChoices(_ card: CustomerCard?, _ context: EffectContext) throws -> [Action] {
        let advisors = try context.db.advisors()
        if let me = context.operator.staffID, advisors.contains(where: { $0.id == me }) { return [] }
        let usual = card?.lastVisits.first { $0.advisorID != nil }?.advisorID
        return [.reception(.advisorsOffered(advisors, defaultID: AdvisorRules.defaultAdvisor(
            operatorID: nil, usualAdvisorID: usual, advisors: advisors)))]
    }

    private static func dayLoaded(_ day: Date, _ context: EffectContext) throws -> Action {
        let db = context.db
        let next = ShopCalendar.addDays(1, to: day, context.timeZone)
        let rows = try db.appointmentListings(from: day, to: next).map {
            AppointmentRow(appointment: $0.appointment, customerName: $0.customerName, phone: $0.phone, plate: $0.plate,
                           model: $0.model)
        }
        let today = ShopCalendar.startOfDay(context.now, context.timeZone)
        let rate = try db.noShowRate(from: ShopCalendar.addDays(-30, to: today, context.timeZone), to: context.now)
        return .reception(.dayLoaded(day: day, rows: rows, hours: try db.shopHours(),
                                     noShow: NoShowStats(noShows: rate.noShows, concluded: rate.concluded)))
    }

    /// Creates the new customer/car if any (refusing duplicates), opens the RO with the check-in time,
    /// and writes the work order file.
    private static func save(_ draft: CheckInDraft, _ context: EffectContext) throws -> [Action] {
        let db = context.db
        let now = context.now
        try PromiseRules.check(draft.order.promisedAt, now: now, hours: try db.shopHours(), timeZone: context.timeZone)
        // Permissions are checked here, below the UI, whatever the panel showed.
        try db.authorize(.checkIn, context.operator)
        var order = draft.order
        if draft.newCustomer != nil || draft.newVehicle != nil {
            let v = draft.newVehicle
            let matches = try db.duplicates(phone: draft.newCustomer?.phones.first ?? "", plate: v?.plate ?? "", vin: v?.vin ?? "")
            if !matches.isEmpty { return [.reception(.duplicatesFound(matches))] }
        }
        if let customer = draft.newCustomer, let vehicle = draft.newVehicle {
            let (c, v) = try db.createCustomerWithVehicle(customer, vehicle: vehicle, operator: context.operator, now: now)
            order.customerID = c.id!
            order.vehicleID = v.id!
        } else if var vehicle = draft.newVehicle {
            vehicle.ownerID = order.customerID
            order.vehicleID = try db.saveVehicle(vehicle, operator: context.operator, now: now).id!
        }
        order.openedAt = now
        order.checkInSeconds = max(0, Int(now.timeIntervalSince(draft.arrivedAt).rounded()))
        var concern = draft.concern
        concern.repairOrderID = 0
        let saved = try db.createRepairOrder(order, concerns: [concern], jobs: draft.jobs,
                                             odometerReason: draft.odometerReason, operator: context.operator,
                                             now: now, timeZone: context.timeZone)
        // The RO is saved; a failed comeback flag must not undo it (the lead's search finds it later).
        _ = try? db.recordCheckInComeback(repairOrderID: saved.id!, operator: context.operator, now: now)
        let customer = try db.customer(id: saved.customerID)
        let vehicle = try db.vehicle(id: saved.vehicleID)
        let text = WorkOrderText(shopName: draft.shopName, order: saved, customerName: customer?.name ?? "",
                                 plate: vehicle?.plate ?? "", model: vehicle?.model ?? "", vin: vehicle?.vin,
                                 concerns: try db.concerns(repairOrderID: saved.id!),
                                 valuablesReminded: draft.valuablesReminded,
                                 advisorName: try saved.advisorID.flatMap { try db.staff(id: $0)?.name } ?? "",
                                 jobs: try db.jobs(repairOrderID: saved.id!)).render(timeZone: context.timeZone)
        var path: String?
        var warning: Message?
        do {
            path = try writeWorkOrder(text, number: saved.number, folder: try db.workOrderFolder())
        } catch {
            warning = ReceptionStrings.workOrderNotWritten(saved.number, (error as? UserFacingError)?.message
                ?? Strings.untranslated(error))
        }
        let result = SavedCheckIn(number: saved.number, checkInSeconds: saved.checkInSeconds ?? 0, workOrderPath: path,
                                  workOrderText: text)
        return [.reception(.checkInSaved(result, warning: warning))]
    }

    /// `<folder>/RO-20261122-0007.txt`, folder and file owner-only (or the shop's group when it is shared,
    /// see `FileModes`); never overwrites an existing file.
    private static func writeWorkOrder(_ text: String, number: String, folder: String) throws -> String {
        let fm = FileManager.default
        do {
            try FileModes.createFolder(folder)
        } catch {
            throw StoreError.cannotWriteFile(path: folder, detail: error.localizedDescription)
        }
        var path = (folder as NSString).appendingPathComponent("\(number).txt")
        var n = 2
        while fm.fileExists(atPath: path) {
            path = (folder as NSString).appendingPathComponent("\(number)-\(n).txt")
            n += 1
        }
        try FileModes.writeNewFile(Data(text.utf8), to: path)
        return path
    }
}
