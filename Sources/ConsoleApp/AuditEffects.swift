import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the audit overlay's store work and reports back as actions.
enum AuditEffects {
    static func perform(_ request: AuditRequest, _ context: EffectContext) -> [Action] {
        switch request {
        case .load(let query, let beforeID, let limit):
            do {
                // One row more than asked tells whether an older page exists. The store checks the permission
                // on every page, not once: a role taken away meanwhile stops the next read.
                let page = try context.desk.auditPage(filter: query, beforeID: beforeID, limit: limit + 1)
                let rows = page.prefix(limit).map(row)
                return [.audit(.loaded(query: query, rows: rows, replacing: beforeID == nil, hasMore: page.count > limit))]
            } catch let refusal as PermissionError {
                return [.audit(.refused(message(refusal)))]
            } catch {
                return [.audit(.failed(message(error)))]
            }
        }
    }

    static func row(_ listed: AuditListEntry) -> AuditRow {
        let e = listed.entry
        return AuditRow(id: e.id, at: e.at, person: e.operatorName, action: e.action, entity: e.entity, entityID: e.entityID,
                        subject: AuditDetail.maskPhones(in: listed.subject), changes: AuditDetail.changes(fromJSON: e.detail, names: listed.names))
    }

    private static func message(_ error: Error) -> Message {
        (error as? UserFacingError)?.message
            ?? AuditStrings.readFailed(error.localizedDescription)
    }
}
