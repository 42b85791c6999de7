/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per phase otherwise). */
export class ProgressBar {
  private lastDraw = 0;
  private lastPhase = "";
  private readonly tty = Boolean(process.stderr.isTTY);

  update(phase: string, done: number, total: number): void {
    const now = Date.now();
    const finished = done >= total;
    if (!this.tty) {
      if (finished && phase !== this.lastPhase) {
        process.stderr.write(`${phase.padEnd(6)} ${done}/${total}\n`);
        this.lastPhase = phase;
      }
      return;
    }
    if (!finished && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    const width = 30;
    const share = total > 0 ? done / total : 1;
    const filled = Math.round(share * width);
    process.stderr.write(
      `\r${phase.padEnd(6)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done}/${total}   `,
    );
    if (finished) process.stderr.write("\n");
  }
}
