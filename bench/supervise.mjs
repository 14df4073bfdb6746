#!/usr/bin/env node
// A province's year through `dangjian supervise --ndjson`: the records are
// generated on the fly (examples/supervision/generate.mjs, never stored) and
// piped into the release CLI, which streams them and writes the report as
// NDJSON. Prints records per second and the CLI's peak memory (RSS), for one
// or more sizes, so that memory can be read against the volume.
//
//   cd bench && node supervise.mjs                        # 1,000,000 records, month by month
//   node supervise.mjs --records 250000,1000000,3000000   # memory against volume
//   node supervise.mjs --order branch                     # each branch's records together
//
// Options: --records N[,N…] (default 1000000; ~75 records per branch, so
// branches = N / 75), --order month|branch (default month: a province's export
// interleaves branches), --no-build (use target/release/dangjian as it is).
// Writes results/supervise.json. Not part of the tests.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const cli = join(root, "target/release/dangjian");
const generator = join(root, "examples/supervision/generate.mjs");
const PER_BRANCH = 75;

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const hit = args.find((a) => a.startsWith(`--${name}=`)) ?? (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  return hit === undefined ? dflt : hit.replace(`--${name}=`, "");
};
const sizes = String(opt("records", "1000000")).split(",").map(Number);
const order = opt("order", "month");
if (sizes.some((n) => !Number.isInteger(n) || n < PER_BRANCH) || !["month", "branch"].includes(order)) {
  console.error("usage: node supervise.mjs [--records N[,N…]] [--order month|branch] [--no-build]");
  process.exit(2);
}

if (!args.includes("--no-build") || !existsSync(cli)) {
  console.log("building the release CLI (cargo build --release -p dangjian-cli) …");
  const b = spawnSync("cargo", ["build", "--release", "-p", "dangjian-cli"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** One run: generator | dangjian supervise --ndjson; resolves with the measurements. */
function once(records) {
  const branches = Math.max(1, Math.round(records / PER_BRANCH));
  const gen = spawn(process.execPath, [generator, "--branches", String(branches), "--ndjson", "--order", order], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const command = [cli, "supervise", "--ndjson", "--as-of", "2026-12-31", "--today", "2026-12-31", "--format", "ndjson"];
  const timed = gnuTime ? [gnuTime, ["-f", "%e %U %S %M", ...command]] : [command[0], command.slice(1)];
  const started = process.hrtime.bigint();
  const sup = spawn(timed[0], timed[1], { stdio: ["pipe", "pipe", "pipe"] });
  let lines = 0;
  let peakKb = 0;
  gen.stdout.on("data", (chunk) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  gen.stdout.pipe(sup.stdin);
  let outLines = 0;
  sup.stdout.on("data", (chunk) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) outLines++;
  });
  let stderr = "";
  sup.stderr.on("data", (d) => (stderr += d));
  // Without GNU time, read the peak from /proc while the process runs.
  const poll = gnuTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${sup.pid}/status`, "utf8"));
          if (m) peakKb = Math.max(peakKb, Number(m[1]));
        } catch {}
      }, 100);
  return new Promise((resolve, reject) => {
    sup.on("close", (code) => {
      if (poll) clearInterval(poll);
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      let cpu = null;
      if (gnuTime) {
        const last = stderr.trim().split("\n").pop().split(" ").map(Number);
        [, cpu, , peakKb] = [last[0], last[1] + last[2], null, last[3]];
      }
      // Exit 1 means some branch needs attention: the expected outcome.
      if (code !== 0 && code !== 1) return reject(new Error(`dangjian exited ${code}: ${stderr}`));
      resolve({ records: lines, branches: outLines - 2, wall_s: wall, cli_cpu_s: cpu, peak_rss_mb: peakKb / 1024 });
    });
  });
}

const results = [];
console.log(`node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; order: ${order}`);
console.log("records     branches   wall s   records/s (pipeline)   CLI CPU s   records/CPU s (CLI)   peak RSS MB");
for (const n of sizes) {
  const r = await once(n);
  results.push(r);
  const rate = (r.records / r.wall_s).toFixed(0);
  const cpuRate = r.cli_cpu_s ? (r.records / r.cli_cpu_s).toFixed(0) : "–";
  console.log(
    `${String(r.records).padEnd(11)} ${String(r.branches).padEnd(10)} ${r.wall_s.toFixed(1).padStart(6)}   ${rate.padStart(10)}             ${r.cli_cpu_s?.toFixed(1).padStart(6) ?? "     –"}      ${cpuRate.padStart(10)}            ${r.peak_rss_mb.toFixed(0).padStart(6)}`,
  );
}
console.log(`load at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results/supervise.json"), JSON.stringify({ order, node: process.version, results }, null, 2) + "\n");
