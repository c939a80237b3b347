import { render } from 'preact';
import { login, startAuth } from './api';
import { App } from './app';
import './style.css';

function Welcome() {
  return (
    <main id="main" class="welcome">
      <h1>DetainerLab</h1>
      <p class="tagline">An open research platform for U.S. immigration detainer data</p>
      <p>
        An immigration <strong>detainer</strong> is a request from U.S. Immigration and Customs Enforcement (ICE) that a
        local jail hold a person, or notify ICE of the person's release, so that ICE can take custody. DetainerLab loads
        ICE's published detainer data exactly as released, keeps the file, sheet and row behind every figure, and sets
        the numbers beside curated policy timelines and court rulings.
      </p>
      <p>
        It shows data, sources and uncertainty. A blank lift reason in ICE's data is reported as <em>unknown</em>; it
        does not mean a detainer was honoured.
      </p>
      <p>
        <button type="button" class="primary" onClick={() => login()}>Log in</button>
      </p>
      <p>
        The API is described at <a href="/q/swagger-ui">/q/swagger-ui</a> (every endpoint under <code>/api/v1</code>{' '}
        needs a token).
      </p>
    </main>
  );
}

const root = document.getElementById('app')!;
startAuth().then(
  (authenticated) => render(authenticated ? <App /> : <Welcome />, root),
  (error: Error) => render(<main id="main"><h1>DetainerLab</h1><p role="alert">Cannot reach the login service: {error.message}</p></main>, root),
);
