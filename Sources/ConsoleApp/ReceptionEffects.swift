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
            return [.reception(.searchCompleted(purpose, query: query, results: hits))]

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
            try context.desk.book(appointment, overrideReason: reason, now: context.now, timeZone: context.timeZone)
            return [.reception(.appointmentSaved(ReceptionStrings.booked)), try dayLoaded(reload, context)]

        case .setAppointmentStatus(let id, let version, let status, let reload):
            try context.desk.setAppointmentStatus(id: id, to: status, version: version, now: context.now)
            return [.reception(.appointmentSaved(ReceptionStrings.statusChanged(status))), try dayLoaded(reload, context)]

        case .undoNoShow(let id, let version, let reload):
            let restored = try context.desk.undoNoShow(id: id, version: version, now: context.now)
            return [.reception(.appointmentSaved(ReceptionStrings.noShowUndone(restored.status))), try dayLoaded(reload, context)]

        case .arrive(let id, let version, let reload):
            let arrived = try context.desk.arrive(id: id, version: version, now: context.now)
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
        let rows = try db.appointmentListings(from: day, to: next)
        let today = ShopCalendar.startOfDay(context.now, context.timeZone)
        let rate = try db.noShowRate(from: ShopCalendar.addDays(-30, to: today, context.timeZone), to: context.now)
        return .reception(.dayLoaded(day: day, rows: rows, hours: try db.shopHours(),
                                     noShow: NoShowStats(noShows: rate.noShows, concluded: rate.concluded)))
    }

    /// Saves the check-in in one store transaction (new customer/car if any, duplicates refused, the RO with
    /// the check-in time, its comeback candidate), then writes the work order file.
    private static func save(_ draft: CheckInDraft, _ context: EffectContext) throws -> [Action] {
        let saved: CheckedIn
        switch try context.desk.checkIn(draft, now: context.now, timeZone: context.timeZone) {
        case .duplicates(let matches): return [.reception(.duplicatesFound(matches))]
        case .saved(let checkedIn): saved = checkedIn
        }
        let order = saved.order
        var path: String?
        var warning: Message?
        do {
            path = try writeWorkOrder(saved.workOrderText, number: order.number, folder: try context.db.workOrderFolder())
        } catch {
            warning = ReceptionStrings.workOrderNotWritten(order.number, (error as? UserFacingError)?.message
                ?? Strings.untranslated(error))
        }
        let result = SavedCheckIn(number: order.number, checkInSeconds: order.checkInSeconds ?? 0, workOrderPath: path,
                                  workOrderText: saved.workOrderText)
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
