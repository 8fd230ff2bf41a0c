import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the workshop panels' store work and reports back as actions.
enum WorkshopEffects {
    static func perform(_ request: WorkshopRequest, _ context: EffectContext) -> [Action] {
        let db = context.db
        let desk = context.desk
        let op = context.operator
        let now = context.now
        switch request {
        case .loadBoard(let filter, let sort, let offset, let limit, let focusID):
            return load {
                .boardLoaded(try db.waitingBoard(filter: filter, sort: sort, now: now, offset: offset, limit: limit),
                             focusID: focusID)
            }
        case .loadStaff:
            return load { .staffLoaded(advisors: try db.advisors(), technicians: try db.technicians()) }
                + load { .shopHoursLoaded(try db.shopHours()) }
        case .loadDetail(let roID):
            return load { .detailLoaded(try db.repairOrderDetail(roID: roID)) }
        case .moveStage(let roID, let version, let from, let to, let note):
            return change {
                let order = try desk.moveStage(roID: roID, from: from, to: to, version: version, note: note, now: now)
                return WorkshopStrings.moved(order.number, to)
            }
        case .dispatch(let roID, let version, let technicianID, let reason):
            return change {
                let order = try desk.dispatch(roID: roID, technicianID: technicianID, version: version, reason: reason,
                                              now: now)
                return WorkshopStrings.moved(order.number, order.stage)
            }
        case .assignJob(let jobID, let technicianID, let reason):
            return change {
                let job = try desk.assignJob(jobID: jobID, technicianID: technicianID, reason: reason, now: now)
                return WorkshopStrings.assigned(job.description)
            }
        case .loadInspectors(let roID, let passed, let note):
            return load {
                .inspectorsLoaded(roID: roID, passed: passed, note: note, try db.qcInspectors(roID: roID),
                                  operatorID: op.staffID)
            }
        case .editLine(let jobID, let orderVersion, let labour, let parts, let hours):
            return change {
                let job = try desk.editLine(jobID: jobID, labour: labour, parts: parts, labourHours: hours,
                                            orderVersion: orderVersion, now: now)
                return OrderStrings.lineSaved(job.description)
            }
        case .reassignAdvisor(let roID, let version, let advisorID):
            return change {
                let (order, name) = try desk.reassignAdvisor(roID: roID, advisorID: advisorID, version: version, now: now)
                return OrderStrings.advisorChanged(order.number, name)
            }
        case .recordQC(let roID, let passed, let note, let inspectorID):
            return change {
                let check = try desk.recordQC(roID: roID, passed: passed, inspectorID: inspectorID, note: note, now: now)
                return passed
                    ? WorkshopStrings.qcPassedSaved(inspector: check.inspectorName)
                    : WorkshopStrings.qcFailedSaved
            }
        case .notifyDelay(let roID, let version, let date, let note):
            return change {
                let order = try desk.notifyDelay(roID: roID, newPromisedAt: date, version: version, note: note, now: now)
                return WorkshopStrings.delayNotified(order.number)
            }
        case .addAdditionalJob(let roID, let description, let labour, let parts):
            return change {
                try desk.addAdditionalJob(roID: roID, description: description, labour: labour, parts: parts, now: now)
                return WorkshopStrings.additionalJobAdded
            }
        case .decideJob(let jobID, let approved, let method):
            return change {
                try desk.decideJob(jobID: jobID, approved: approved, method: method, now: now)
                return OrderStrings.decided(approved, method)
            }
        case .loadDeliveryQueue(let offset, let limit):
            return load {
                .deliveryQueueLoaded(try db.waitingBoard(filter: WaitingBoardFilter(stage: .readyForPickup),
                                                         sort: .promised, now: now, offset: offset, limit: limit))
            }
        case .loadDeliveryContext(let roID):
            return load { .deliveryContextLoaded(try db.deliveryContext(roID: roID, operator: op)) }
        case .deliver(let roID, let version, let ticked):
            do {
                let result = try desk.deliver(roID: roID, version: version, ticked: ticked, now: now)
                // The summary is written on delivery (the customer's copy and the shop's record); a failed
                // write does not undo the delivery, it says so and `s` tries again.
                do {
                    let path = try writeSummary(number: result.order.number, text: result.summary, db: db)
                    return [.workshop(.delivered(number: result.order.number, summary: result.summary,
                                                 callbackDue: result.callback.dueAt, summaryPath: path))]
                } catch {
                    return [.workshop(.delivered(number: result.order.number, summary: result.summary,
                                                 callbackDue: result.callback.dueAt)),
                            .workshop(.loadFailed(WorkshopStrings.summaryNotSaved(error.localizedDescription)))]
                }
            } catch {
                return [.workshop(.changeFailed(message(error)))]
            }
        case .saveSummary(let number, let text):
            do {
                return [.workshop(.summarySaved(path: try writeSummary(number: number, text: text, db: db)))]
            } catch {
                return [.workshop(.loadFailed(WorkshopStrings.summaryNotSaved(error.localizedDescription)))]
            }
        }
    }

    private static func load(_ body: () throws -> WorkshopEvent) -> [Action] {
        do { return [.workshop(try body())] } catch { return [.workshop(.loadFailed(message(error)))] }
    }

    private static func change(_ body: () throws -> Message) -> [Action] {
        do { return [.workshop(.changeSaved(try body()))] } catch { return [.workshop(.changeFailed(message(error)))] }
    }

    private static func message(_ error: Error) -> Message {
        (error as? UserFacingError)?.message
            ?? Strings.changeFailed(error.localizedDescription)
    }
}

/// Writes a delivery summary to `deliveries/RO-….txt` beside the database: names and amounts, so
/// owner-only, or the shop's group when it is shared (FileModes). Returns the file's path.
private func writeSummary(number: String, text: String, db: AppDatabase) throws -> String {
    let folder = ((db.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("deliveries")
    try FileModes.createFolder(folder)
    let safe = number.filter { $0.isLetter || $0.isNumber || $0 == "-" }
    let path = (folder as NSString).appendingPathComponent("\(safe.isEmpty ? "delivery" : safe).txt")
    try FileModes.writeFile(Data(text.utf8), to: path)
    return path
}
