import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A process the driver starts with `posix_spawnp`, reading its standard output through a pipe
/// (standard error passes through). `wait4` gives its exit status and its whole CPU time.
struct ChildProcess {
    let pid: pid_t
    private let output: FileHandle

    /// What a finished process printed and what it cost.
    struct Finished {
        var output: Data
        /// User plus system time of the whole process, start-up included.
        var cpuSeconds: Double
    }

    init(_ command: [String], discardOutput: Bool = false) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if discardOutput {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        }
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // The child starts with no signal blocked and SIGPIPE at its default, whatever the spawning
        // thread had (the concurrency pool's threads block signals, which would make SIGTERM wait).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, command[0], &actions, &attributes, argv, environ)
        close(fds[1])
        guard status == 0 else {
            close(fds[0])
            throw BenchError("could not start \(command[0]): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        output = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true)
    }

    /// Runs `command` to the end and decodes the last line it printed as a ``ClientResult``.
    static func result(_ command: [String]) throws -> ClientResult {
        let finished = try ChildProcess(command).wait()
        let lines = String(decoding: finished.output, as: UTF8.self).split(separator: "\n")
        guard let last = lines.last else { throw BenchError("\(command.joined(separator: " ")) printed nothing") }
        return try ClientResult.decode(Data(last.utf8))
    }

    /// The first line the process prints (it keeps running).
    func readLine() throws -> String {
        var line = Data()
        while true {
            let byte = output.readData(ofLength: 1)
            guard let first = byte.first else { throw BenchError("process \(pid) ended before printing a line") }
            if first == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(first)
        }
    }

    /// Reads the rest of the output and waits for the process to end; throws if it failed.
    func wait() throws -> Finished {
        let data = output.readDataToEndOfFile()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // Exited normally with status 0: the low 7 bits (signal) and the exit code are all zero.
        guard status == 0 else { throw BenchError("process \(pid) failed (wait status \(status))") }
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return Finished(output: data, cpuSeconds: cpu)
    }

    /// Stops a process that runs until killed, and reaps it.
    func terminate() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
