// Preloaded (`node --import`) into the web server the launcher starts (and, through execArgv, into the
// workers `next dev` forks). The launcher hosts the embedded database: if it dies — even by kill -9, which
// runs none of its handlers — this process must not stay behind, holding the port and answering pages
// whose every query fails. So it watches its parent and exits within a second of losing it.
// Plain JavaScript: it runs inside the Next process, before and without tsx.
const parent = process.ppid;

function parentGone() {
  // Re-parenting (to init or a subreaper) changes ppid at once; kill(pid, 0) also covers systems where it does not.
  if (process.ppid !== parent) return true;
  try {
    process.kill(parent, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}

setInterval(() => {
  if (!parentGone()) return;
  console.error(`camket: tiến trình khởi chạy (PID ${parent}) đã dừng; máy chủ web dừng theo.`);
  process.exit(1);
}, 500).unref();
