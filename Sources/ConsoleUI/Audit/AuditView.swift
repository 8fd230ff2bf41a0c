import ConsoleCore
import ScreenKit
import ServiceDomain

/// The audit overlay (Ctrl-T): drawn over the panel body while `state.overlay == .audit`.
enum AuditView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect, border: BorderStyle) {
        buffer.fill(area, role: .normal)
        _ = Box(title: state.text(Strings.auditTitle), focused: true, style: border).render(into: &buffer, area: area)
    }
}
