// Passkeys (forms with data-passkey="create" or "request"): asks Sen for WebAuthn options with the form's
// antiforgery token, lets the browser make or use a passkey, then posts the browser's answer with the form.
(() => {
  'use strict';
  const supported = 'PublicKeyCredential' in window
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

  async function credentialFor(form) {
    const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
    const response = await fetch(form.dataset.optionsUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { RequestVerificationToken: token },
    });
    if (!response.ok) {
      throw new Error('options: ' + response.status);
    }
    const options = await response.json();
    return form.dataset.passkey === 'create'
      ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
      : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
  }

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    const status = form.querySelector('[data-passkey-status]');
    const button = form.querySelector('button[type="submit"]');
    if (!supported) {
      status.textContent = form.dataset.unsupportedText;
      button.disabled = true;
      continue;
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      button.disabled = true;
      status.textContent = '';
      try {
        const credential = await credentialFor(form);
        form.querySelector('input[name="CredentialJson"]').value = JSON.stringify(credential);
        form.submit();
      } catch (error) {
        status.textContent = form.dataset.errorText;
        button.disabled = false;
      }
    });
  }
})();
