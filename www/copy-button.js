// Copy buttons: each copies the text its source gives at the moment it is pressed.
export function copyButton(button, status, source, what) {
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source());
      status.textContent = `Copied ${what}.`;
    } catch (error) {
      status.textContent = `Could not copy ${what}: ${error?.message ?? error}`;
    }
  });
}
