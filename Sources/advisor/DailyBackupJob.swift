import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// The first start of the day backs the shop's file up. On ten years of data that copy takes seconds
/// (about 15 s for 1.8 GB here), so it runs beside the console instead of before its first frame: a
/// failure reaches the status line, and quitting waits for a copy still being written (a half-made
/// backup is worth nothing).
final class DailyBackupJob: @unchecked Sendable {
    private let lock = NSLock()
    private var notice: StatusLine?
    private let done = DispatchSemaphore(value: 0)
    private var finished = false

    init(db: AppDatabase, now: Date) {
        Thread.detachNewThread { [self] in
            var failure: StatusLine?
            do {
                try db.dailyBackupIfNeeded(now: now)
            } catch let error as UserFacingError {
                failure = StatusLine(Message(zh: "今日自动备份失败：" + error.message.zh,
                                             en: "Today's automatic backup failed: " + error.message.en), kind: .warning)
            } catch {
                failure = StatusLine(Message(zh: "今日自动备份失败：\(error)", en: "Today's automatic backup failed: \(error)"),
                                     kind: .warning)
            }
            lock.withLock {
                notice = failure
                finished = true
            }
            done.signal()
        }
    }

    /// The failure to show, once.
    func takeNotice() -> StatusLine? {
        lock.withLock {
            defer { notice = nil }
            return notice
        }
    }

    /// Blocks until the backup is written, saying so on standard error when it has to wait.
    func finish() {
        guard !lock.withLock({ finished }) else { return }
        let note = Message(zh: "正在完成今日备份…", en: "Finishing today's backup…")
        FileHandle.standardError.write(Data((note.text(CLILanguage.current) + "\n").utf8))
        done.wait()
    }
}
